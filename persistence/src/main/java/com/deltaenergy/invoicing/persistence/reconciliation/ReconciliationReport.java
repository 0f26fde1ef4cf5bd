package com.deltaenergy.invoicing.persistence.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One tenant's three-way reconciliation of one day (UTC): what reached the exchanges, what was
 * recorded as payments on invoices, and what the CFO ledger booked, with every difference.
 */
public record ReconciliationReport(
    long tenantId,
    LocalDate date,
    Instant computedAt,
    List<Total> exchangeDeposits,
    List<Total> payments,
    Total paidInvoices,
    Total ledgerRows,
    List<Difference> differences) {

  /** A count and sum; {@code unit} is the coin, or USD. */
  public record Total(String unit, int count, BigDecimal amount) {}

  /**
   * @param kind DEPOSIT_WITHOUT_PAYMENT, PAYMENT_WITHOUT_DEPOSIT, PAID_INVOICE_WITHOUT_LEDGER_ROW,
   *     LEDGER_ROW_WITHOUT_PAID_INVOICE or AMOUNT_DIFFERS
   * @param expected the amount on the side that should match (deposit, invoice), when amounts differ
   */
  public record Difference(
      String kind,
      String detail,
      String txHash,
      String network,
      Long invoiceId,
      String invoiceNumber,
      Long ledgerRowId,
      BigDecimal expected,
      BigDecimal actual) {}

  public boolean clean() {
    return differences.isEmpty();
  }
}
