package com.deltaenergy.invoicing.persistence.cfo;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CFO sync as the API, the metrics and the monitor read it: an invoice's mapping and attempts,
 * the invoices waiting to be booked, and the figures operations watch. Writes are in
 * {@link CfoSyncRepository}.
 */
@Repository
public class CfoSyncQueries {

  /** One row of {@code crypto_cfo_sync_log}. */
  public record LoggedAttempt(
      long invoiceId,
      int attempt,
      Instant at,
      String syncStatus,
      Long cfoTransactionId,
      String errorMessage,
      String requestPayload,
      String responseData) {}

  /** One row of {@code v_crypto_invoices_pending_sync}. */
  public record PendingSync(
      long invoiceId,
      String invoiceNumber,
      String clientName,
      BigDecimal amountUsd,
      String cryptoCurrency,
      Instant paidAt,
      CfoSyncStatus syncStatus,
      int retryCount,
      String syncError,
      Instant lastAttemptAt) {}

  private static final String MAPPING_COLUMNS =
      """
      invoice_id, cfo_transaction_id, sync_status, sync_timestamp, entity_mapped,
      business_unit_mapped, category_mapped, subcategory_mapped, confidence_score, sync_error,
      retry_count, created_at, updated_at
      """;

  private static final Duration LAG_WINDOW = Duration.ofHours(24);
  private static final Duration SUCCESS_RATE_WINDOW = Duration.ofDays(7);

  private final JdbcClient jdbc;

  public CfoSyncQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CfoSyncMapping> find(long invoiceId) {
    return jdbc.sql("SELECT " + MAPPING_COLUMNS + " FROM crypto_invoice_cfo_sync WHERE invoice_id = ?")
        .param(invoiceId)
        .query(CfoSyncQueries::mapping)
        .optional();
  }

  /** The invoice's attempts, oldest first. */
  public List<LoggedAttempt> attempts(long invoiceId) {
    return jdbc.sql(
            """
            SELECT invoice_id, attempt, sync_attempt_timestamp, sync_status, cfo_transaction_id,
                   error_message, request_payload::text AS request_payload,
                   response_data::text AS response_data
              FROM crypto_cfo_sync_log WHERE invoice_id = ? ORDER BY sync_attempt_timestamp, id
            """)
        .param(invoiceId)
        .query(
            (rs, n) ->
                new LoggedAttempt(
                    rs.getLong("invoice_id"),
                    rs.getInt("attempt"),
                    instant(rs, "sync_attempt_timestamp"),
                    rs.getString("sync_status"),
                    rs.getObject("cfo_transaction_id", Long.class),
                    rs.getString("error_message"),
                    rs.getString("request_payload"),
                    rs.getString("response_data")))
        .list();
  }

  /** The tenant's paid invoices not booked yet, oldest payment first. */
  public List<PendingSync> pending(long tenantId) {
    return jdbc.sql(
            """
            SELECT invoice_id, invoice_number, client_name, amount_usd, crypto_currency, paid_at,
                   sync_status, retry_count, sync_error, last_attempt_at
              FROM v_crypto_invoices_pending_sync
             WHERE tenant_id = ? ORDER BY paid_at, invoice_id
            """)
        .param(tenantId)
        .query(CfoSyncQueries::pendingSync)
        .list();
  }

  /** Every tenant's failed syncs waiting for an operator. */
  public List<PendingSync> failed() {
    return jdbc.sql(
            """
            SELECT invoice_id, invoice_number, client_name, amount_usd, crypto_currency, paid_at,
                   sync_status, retry_count, sync_error, last_attempt_at
              FROM v_crypto_invoices_pending_sync
             WHERE sync_status = 'failed' ORDER BY paid_at, invoice_id
            """)
        .query(CfoSyncQueries::pendingSync)
        .list();
  }

  /** The figures over every tenant: what operations watch. */
  public CfoSyncFigures figures(Instant now) {
    return computeFigures(null, now);
  }

  /** The figures over one tenant's invoices. */
  public CfoSyncFigures figures(long tenantId, Instant now) {
    return computeFigures(tenantId, now);
  }

  private CfoSyncFigures computeFigures(Long tenantId, Instant now) {
    String tenant = tenantId == null ? "" : " AND tenant_id = :tenant";
    String invoiceTenant = tenantId == null ? "" : " AND i.tenant_id = :tenant";
    JdbcClient.StatementSpec query =
        jdbc.sql(
                """
                SELECT
                  (SELECT round(avg(sync_lag_seconds), 3) FROM v_crypto_invoices_synced
                    WHERE sync_timestamp > :lagSince %1$s) AS lag_seconds,
                  (SELECT count(*) FROM v_crypto_invoices_synced
                    WHERE sync_timestamp > :lagSince %1$s) AS synced_last_24_hours,
                  (SELECT round(100.0 * count(*) FILTER (WHERE s.sync_status = 'synced')
                                / nullif(count(*) FILTER (WHERE s.sync_status IN ('synced', 'failed')), 0), 2)
                     FROM crypto_invoice_cfo_sync s JOIN invoices i ON i.id = s.invoice_id
                    WHERE s.created_at > :rateSince %2$s) AS success_rate_percent,
                  (SELECT count(*) FROM v_crypto_invoices_pending_sync WHERE true %1$s) AS pending,
                  (SELECT count(*) FROM v_crypto_invoices_pending_sync
                    WHERE sync_status = 'failed' %1$s) AS failed
                """
                    .formatted(tenant, invoiceTenant))
            .param("lagSince", Timestamp.from(now.minus(LAG_WINDOW)))
            .param("rateSince", Timestamp.from(now.minus(SUCCESS_RATE_WINDOW)));
    if (tenantId != null) {
      query = query.param("tenant", tenantId);
    }
    return query
        .query(
            (rs, n) ->
                new CfoSyncFigures(
                    rs.getBigDecimal("lag_seconds"),
                    rs.getBigDecimal("success_rate_percent"),
                    rs.getLong("pending"),
                    rs.getLong("failed"),
                    rs.getLong("synced_last_24_hours")))
        .single();
  }

  private static CfoSyncMapping mapping(ResultSet rs, int rowNum) throws SQLException {
    return new CfoSyncMapping(
        rs.getLong("invoice_id"),
        rs.getObject("cfo_transaction_id", Long.class),
        CfoSyncStatus.fromWireName(rs.getString("sync_status")),
        instant(rs, "sync_timestamp"),
        rs.getString("entity_mapped"),
        rs.getString("business_unit_mapped"),
        rs.getString("category_mapped"),
        rs.getString("subcategory_mapped"),
        rs.getBigDecimal("confidence_score"),
        rs.getString("sync_error"),
        rs.getInt("retry_count"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static PendingSync pendingSync(ResultSet rs, int rowNum) throws SQLException {
    return new PendingSync(
        rs.getLong("invoice_id"),
        rs.getString("invoice_number"),
        rs.getString("client_name"),
        rs.getBigDecimal("amount_usd"),
        rs.getString("crypto_currency"),
        instant(rs, "paid_at"),
        CfoSyncStatus.fromWireName(rs.getString("sync_status")),
        rs.getInt("retry_count"),
        rs.getString("sync_error"),
        instant(rs, "last_attempt_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
