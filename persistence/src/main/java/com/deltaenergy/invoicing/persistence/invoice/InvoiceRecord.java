package com.deltaenergy.invoicing.persistence.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as stored: the projection of its workflow's state. */
public record InvoiceRecord(
    long id,
    long tenantId,
    long clientId,
    String clientName,
    String invoiceNumber,
    InvoiceStatus status,
    BigDecimal amountUsd,
    BigDecimal subtotalUsd,
    String taxLabel,
    BigDecimal taxRatePercent,
    BigDecimal taxAmountUsd,
    CryptoCurrency currency,
    PaymentNetwork network,
    String billingPeriod,
    String description,
    String notes,
    LocalDate issueDate,
    LocalDate dueDate,
    String workflowId,
    String depositAddress,
    String depositMemo,
    String exchangeNetwork,
    BigDecimal cryptoAmount,
    BigDecimal exchangeRate,
    Instant rateLockedAt,
    String rateSource,
    long stateVersion,
    Instant createdAt,
    Instant updatedAt,
    InvoiceProgress progress,
    List<LineItem> lineItems) {

  /** A draft has no number and no workflow until it is sent. */
  public boolean isDraft() {
    return invoiceNumber == null;
  }

  public InvoiceRecord withLineItems(List<LineItem> items) {
    return new InvoiceRecord(
        id, tenantId, clientId, clientName, invoiceNumber, status, amountUsd, subtotalUsd, taxLabel,
        taxRatePercent, taxAmountUsd, currency, network, billingPeriod, description, notes,
        issueDate, dueDate, workflowId, depositAddress, depositMemo, exchangeNetwork, cryptoAmount,
        exchangeRate, rateLockedAt, rateSource, stateVersion, createdAt, updatedAt, progress,
        List.copyOf(items));
  }
}
