package com.deltaenergy.invoicing.persistence.cfo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CFO sync's writes: the invoice → ledger row mapping and the audit log of attempts. Each
 * attempt's outcome and its log row are written in one transaction. A booked invoice stays booked:
 * nothing here moves a mapping out of {@code synced}. What the API, the metrics and the monitor
 * read is in {@link CfoSyncQueries}.
 */
@Repository
public class CfoSyncRepository {

  /** One attempt as written to {@code crypto_cfo_sync_log}; the payloads are JSON documents. */
  public record AttemptLog(int attempt, Instant at, String requestPayload, String responseData) {}

  /** How an invoice was booked: the ledger row and the classification sent with it. */
  public record Booking(
      long cfoTransactionId,
      String entity,
      String businessUnit,
      String category,
      String subcategory,
      BigDecimal confidence) {}

  private final JdbcClient jdbc;
  private final CfoSyncQueries queries;

  public CfoSyncRepository(JdbcClient jdbc, CfoSyncQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  /** The invoice's mapping, as the sync reads it before an attempt. */
  public Optional<CfoSyncMapping> find(long invoiceId) {
    return queries.find(invoiceId);
  }

  /**
   * Records the invoice as booked by the given ledger row, with the attempt, and returns the
   * mapping now stored. When a concurrent attempt recorded it first, its row and time are kept
   * (both name the same ledger row: booking is serialised per invoice in the ledger).
   */
  @Transactional
  public CfoSyncMapping recordSynced(long invoiceId, Booking booking, AttemptLog attempt) {
    jdbc.sql(
            """
            INSERT INTO crypto_invoice_cfo_sync (invoice_id, cfo_transaction_id, sync_status,
                sync_timestamp, entity_mapped, business_unit_mapped, category_mapped,
                subcategory_mapped, confidence_score, created_at, updated_at)
            VALUES (:invoice, :transaction, 'synced', :at, :entity, :businessUnit, :category,
                :subcategory, :confidence, :at, :at)
            ON CONFLICT (invoice_id) DO UPDATE SET
                cfo_transaction_id = EXCLUDED.cfo_transaction_id, sync_status = 'synced',
                sync_timestamp = EXCLUDED.sync_timestamp, entity_mapped = EXCLUDED.entity_mapped,
                business_unit_mapped = EXCLUDED.business_unit_mapped,
                category_mapped = EXCLUDED.category_mapped,
                subcategory_mapped = EXCLUDED.subcategory_mapped,
                confidence_score = EXCLUDED.confidence_score, sync_error = NULL,
                updated_at = EXCLUDED.updated_at
             WHERE crypto_invoice_cfo_sync.sync_status <> 'synced'
            """)
        .param("invoice", invoiceId)
        .param("transaction", booking.cfoTransactionId())
        .param("at", Timestamp.from(attempt.at()))
        .param("entity", booking.entity())
        .param("businessUnit", booking.businessUnit())
        .param("category", booking.category())
        .param("subcategory", booking.subcategory())
        .param("confidence", booking.confidence())
        .update();
    log(invoiceId, CfoSyncStatus.SYNCED, booking.cfoTransactionId(), null, attempt);
    return queries.find(invoiceId).orElseThrow();
  }

  /** Logs an attempt that found the invoice booked already. */
  public void recordAlreadySynced(long invoiceId, long cfoTransactionId, AttemptLog attempt) {
    log(invoiceId, CfoSyncStatus.SYNCED, cfoTransactionId, null, attempt);
  }

  /** Records an attempt that failed with a transient error; another attempt will follow. */
  @Transactional
  public void recordRetry(long invoiceId, String error, AttemptLog attempt) {
    upsertUnsynced(invoiceId, CfoSyncStatus.RETRY, error, 1, attempt.at());
    log(invoiceId, CfoSyncStatus.RETRY, null, error, attempt);
  }

  /** Records an attempt refused for a validation or schema error: retrying cannot help. */
  @Transactional
  public void recordRejected(long invoiceId, String error, AttemptLog attempt) {
    upsertUnsynced(invoiceId, CfoSyncStatus.FAILED, error, 0, attempt.at());
    log(invoiceId, CfoSyncStatus.FAILED, null, error, attempt);
  }

  /**
   * Marks the sync failed after its last retry. Idempotent: a sync already failed keeps its first
   * error, and a booked one stays booked.
   */
  public void markFailed(long invoiceId, String error, Instant at) {
    jdbc.sql(
            """
            INSERT INTO crypto_invoice_cfo_sync (invoice_id, sync_status, sync_error, created_at,
                updated_at)
            SELECT id, 'failed', :error, :at, :at FROM invoices WHERE id = :invoice
            ON CONFLICT (invoice_id) DO UPDATE SET
                sync_status = 'failed', sync_error = EXCLUDED.sync_error,
                updated_at = EXCLUDED.updated_at
             WHERE crypto_invoice_cfo_sync.sync_status NOT IN ('synced', 'failed')
            """)
        .param("invoice", invoiceId)
        .param("error", error)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Creates or updates the mapping of an invoice that is not booked: the status, the latest error,
   * and the count of transient failures.
   */
  private void upsertUnsynced(
      long invoiceId, CfoSyncStatus status, String error, int transientFailures, Instant at) {
    jdbc.sql(
            """
            INSERT INTO crypto_invoice_cfo_sync (invoice_id, sync_status, sync_error, retry_count,
                created_at, updated_at)
            VALUES (:invoice, :status, :error, :failures, :at, :at)
            ON CONFLICT (invoice_id) DO UPDATE SET
                sync_status = EXCLUDED.sync_status, sync_error = EXCLUDED.sync_error,
                retry_count = crypto_invoice_cfo_sync.retry_count + EXCLUDED.retry_count,
                updated_at = EXCLUDED.updated_at
             WHERE crypto_invoice_cfo_sync.sync_status <> 'synced'
            """)
        .param("invoice", invoiceId)
        .param("status", status.wireName())
        .param("error", error)
        .param("failures", transientFailures)
        .param("at", Timestamp.from(at))
        .update();
  }

  private void log(
      long invoiceId, CfoSyncStatus status, Long cfoTransactionId, String error, AttemptLog attempt) {
    jdbc.sql(
            """
            INSERT INTO crypto_cfo_sync_log (invoice_id, attempt, sync_attempt_timestamp,
                sync_status, cfo_transaction_id, error_message, request_payload, response_data)
            VALUES (:invoice, :attempt, :at, :status, :transaction, :error,
                CAST(:request AS jsonb), CAST(:response AS jsonb))
            """)
        .param("invoice", invoiceId)
        .param("attempt", attempt.attempt())
        .param("at", Timestamp.from(attempt.at()))
        .param("status", status.wireName())
        .param("transaction", cfoTransactionId)
        .param("error", error)
        .param("request", attempt.requestPayload())
        .param("response", attempt.responseData())
        .update();
  }

}
