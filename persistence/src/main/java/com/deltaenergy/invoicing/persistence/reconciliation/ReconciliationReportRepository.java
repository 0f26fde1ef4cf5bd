package com.deltaenergy.invoicing.persistence.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application database's side of the daily report, and the stored reports. */
@Repository
public class ReconciliationReportRepository {

  /** The same JSON mapping Temporal uses (java.time included). */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  /** A deposit seen on an exchange, and the counted payment of the same transaction, if any. */
  public record DepositRow(
      long id, String txHash, String network, String coin, BigDecimal amount, String depositStatus,
      String resolution, BigDecimal countedAmount) {}

  /** A counted payment, and whether the exchange's history holds its deposit. */
  public record PaymentRow(
      long invoiceId, String invoiceNumber, String txHash, String network, String coin, BigDecimal amount, boolean seenOnExchange) {}

  public record PaidInvoiceRow(long invoiceId, String invoiceNumber, BigDecimal amountUsd, Instant paidAt) {}

  private final JdbcClient jdbc;

  public ReconciliationReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<DepositRow> deposits(long tenantId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT d.id, d.tx_hash, d.network, d.coin, d.amount, d.deposit_status, d.resolution,
                   (SELECT max(p.amount) FROM payment_transactions p
                     WHERE p.network = d.network AND p.tx_hash = d.tx_hash AND p.counts) AS counted
              FROM exchange_deposits d
             WHERE d.tenant_id = ? AND d.deposited_at >= ? AND d.deposited_at < ?
             ORDER BY d.deposited_at, d.id
            """)
        .params(tenantId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new DepositRow(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6),
            rs.getString(7), rs.getBigDecimal(8)))
        .list();
  }

  public List<PaymentRow> countedPayments(long tenantId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT p.invoice_id, i.invoice_number, p.tx_hash, p.network, p.coin, p.amount,
                   EXISTS (SELECT 1 FROM exchange_deposits d WHERE d.network = p.network AND d.tx_hash = p.tx_hash) AS seen
              FROM payment_transactions p JOIN invoices i ON i.id = p.invoice_id
             WHERE p.tenant_id = ? AND p.counts AND COALESCE(p.inserted_at, p.first_seen_at) >= ?
               AND COALESCE(p.inserted_at, p.first_seen_at) < ?
             ORDER BY p.id
            """)
        .params(tenantId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new PaymentRow(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
            rs.getBoolean(7)))
        .list();
  }

  public List<PaidInvoiceRow> paidInvoices(long tenantId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT id, invoice_number, amount_usd, paid_at FROM invoices
             WHERE tenant_id = ? AND paid_at >= ? AND paid_at < ? ORDER BY paid_at, id
            """)
        .params(tenantId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new PaidInvoiceRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** The tenant's invoice numbers among these that have been paid (on any day). */
  public List<String> paidAmong(long tenantId, List<String> invoiceNumbers) {
    if (invoiceNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT invoice_number FROM invoices WHERE tenant_id = :tenant AND paid_at IS NOT NULL AND invoice_number IN (:numbers)")
        .param("tenant", tenantId)
        .param("numbers", invoiceNumbers)
        .query(String.class)
        .list();
  }

  /** Stores the report, replacing an earlier one of the same tenant and day. */
  public void save(ReconciliationReport report) {
    jdbc.sql(
            """
            INSERT INTO reconciliation_reports (tenant_id, report_date, computed_at, differences, report)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (tenant_id, report_date) DO UPDATE SET computed_at = EXCLUDED.computed_at,
                differences = EXCLUDED.differences, report = EXCLUDED.report
            """)
        .params(report.tenantId(), report.date(), Timestamp.from(report.computedAt()), report.differences().size(), write(report))
        .update();
  }

  public Optional<ReconciliationReport> find(long tenantId, LocalDate date) {
    return jdbc.sql("SELECT report::text FROM reconciliation_reports WHERE tenant_id = ? AND report_date = ?")
        .params(tenantId, date)
        .query(String.class)
        .optional()
        .map(ReconciliationReportRepository::read);
  }

  private static String write(ReconciliationReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReconciliationReport read(String json) {
    try {
      return JSON.readValue(json, ReconciliationReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
