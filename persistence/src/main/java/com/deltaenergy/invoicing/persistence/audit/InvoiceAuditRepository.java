package com.deltaenergy.invoicing.persistence.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did what to an invoice, when and why; each entry once per idempotency key. */
@Repository
public class InvoiceAuditRepository {

  /** One audit entry as stored. */
  public record AuditRecord(
      long id, long invoiceId, String action, String actor, String reason, String details, Instant occurredAt) {}

  private final JdbcClient jdbc;

  public InvoiceAuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void append(
      String idempotencyKey, long invoiceId, String action, String actor, String reason,
      String detailsJson, Instant at) {
    jdbc.sql(
            """
            INSERT INTO invoice_audit (tenant_id, invoice_id, idempotency_key, action, actor, reason,
                details, occurred_at)
            SELECT tenant_id, id, :key, :action, :actor, :reason, CAST(:details AS jsonb),
                   COALESCE(:at, created_at)
              FROM invoices WHERE id = :invoice
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .param("key", idempotencyKey)
        .param("action", action)
        .param("actor", actor == null || actor.isBlank() ? "system" : actor)
        .param("reason", reason)
        .param("details", detailsJson)
        .param("at", at == null ? null : Timestamp.from(at), java.sql.Types.TIMESTAMP)
        .param("invoice", invoiceId)
        .update();
  }

  /** The idempotency keys an invoice's trail has that start with {@code prefix}. */
  public java.util.Set<String> keysStartingWith(long invoiceId, String prefix) {
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                SELECT idempotency_key FROM invoice_audit
                 WHERE invoice_id = ? AND starts_with(idempotency_key, ?)
                """)
            .params(invoiceId, prefix)
            .query(String.class)
            .list());
  }

  public List<AuditRecord> forInvoice(long tenantId, long invoiceId) {
    return jdbc.sql(
            """
            SELECT id, invoice_id, action, actor, reason, details::text AS details, occurred_at
              FROM invoice_audit WHERE tenant_id = ? AND invoice_id = ? ORDER BY occurred_at, id
            """)
        .params(tenantId, invoiceId)
        .query(
            (rs, n) ->
                new AuditRecord(
                    rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("action"),
                    rs.getString("actor"), rs.getString("reason"), rs.getString("details"),
                    rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }
}
