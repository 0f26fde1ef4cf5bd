package com.deltaenergy.invoicing.persistence.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notification intents and their delivery state. */
@Repository
public class NotificationRepository {

  /** What to record. {@code attachment} is "invoice", "receipt" or null. */
  public record NewNotification(
      long tenantId,
      Long invoiceId,
      String idempotencyKey,
      String event,
      String detail,
      String channel,
      String recipient,
      String deliveredBy,
      String subject,
      String bodyText,
      String bodyHtml,
      String payload,
      String attachment,
      String messageId) {}

  /** A recorded notification. */
  public record Notification(
      long id,
      long tenantId,
      Long invoiceId,
      String idempotencyKey,
      String event,
      String detail,
      String channel,
      String recipient,
      String subject,
      String bodyText,
      String bodyHtml,
      String payload,
      String attachment,
      String messageId,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {}

  private static final String COLUMNS =
      "id, tenant_id, invoice_id, idempotency_key, event, detail, channel, recipient, subject,"
          + " body_text, body_html, payload, attachment, message_id, status, attempts, last_error,"
          + " created_at, sent_at";

  private final JdbcClient jdbc;

  public NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the intent once; returns its id whether it was new or recorded before. */
  public long record(NewNotification n) {
    jdbc.sql(
            """
            INSERT INTO notifications (tenant_id, invoice_id, idempotency_key, event, detail, channel,
                recipient, delivered_by, subject, body_text, body_html, payload, attachment, message_id,
                status)
            VALUES (:tenant, :invoice, :key, :event, :detail, :channel, :recipient, :by, :subject,
                :text, :html, :payload, :attachment, :messageId, 'pending')
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .param("tenant", n.tenantId())
        .param("invoice", n.invoiceId())
        .param("key", n.idempotencyKey())
        .param("event", n.event())
        .param("detail", n.detail())
        .param("channel", n.channel())
        .param("recipient", n.recipient())
        .param("by", n.deliveredBy())
        .param("subject", n.subject())
        .param("text", n.bodyText())
        .param("html", n.bodyHtml())
        .param("payload", n.payload())
        .param("attachment", n.attachment())
        .param("messageId", n.messageId())
        .update();
    return jdbc.sql("SELECT id FROM notifications WHERE idempotency_key = ?")
        .param(n.idempotencyKey())
        .query(Long.class)
        .single();
  }

  public Optional<Notification> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = ?")
        .param(id)
        .query(NotificationRepository::map)
        .optional();
  }

  /**
   * Takes the notification for sending: only one sender at a time (a lease), and never one that
   * was sent. Empty when it is sent already or another sender holds a live lease.
   */
  public Optional<Notification> claim(long id, Duration lease) {
    return jdbc.sql(
            "UPDATE notifications SET status = 'sending', attempts = attempts + 1,"
                + " lease_until = now() + CAST(? AS interval)"
                + " WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))"
                + " RETURNING " + COLUMNS)
        .params(lease.toSeconds() + " seconds", id)
        .query(NotificationRepository::map)
        .optional();
  }

  public void markSent(long id, Instant at) {
    jdbc.sql("UPDATE notifications SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  /** Back to pending after a failed attempt; the sweep (or the retry policy) tries again later. */
  public void markRetry(long id, String error, Instant nextAttemptAt) {
    jdbc.sql(
            "UPDATE notifications SET status = 'pending', lease_until = NULL, last_error = ?,"
                + " next_attempt_at = ? WHERE id = ? AND status = 'sending'")
        .params(truncate(error), Timestamp.from(nextAttemptAt), id)
        .update();
  }

  /** Given up: the recipient refused it for good (e.g. an invalid address or a 4xx webhook). */
  public void markFailed(long id, String error) {
    jdbc.sql("UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = ? WHERE id = ?")
        .params(truncate(error), id)
        .update();
  }

  /**
   * Hands an invoice's undelivered workflow notices to the sweep, now. For an invoice whose
   * workflow was lost and is restarted from its recorded state: the new run does not send again
   * what the lost run had recorded, so without this a notice recorded just before the loss would
   * wait forever. Still sent once: every sender claims the row and skips one that was sent.
   */
  public int handToSweep(long invoiceId) {
    return jdbc.sql(
            """
            UPDATE notifications SET delivered_by = 'sweep', next_attempt_at = now()
             WHERE invoice_id = ? AND delivered_by = 'workflow' AND status IN ('pending', 'sending')
            """)
        .param(invoiceId)
        .update();
  }

  /** Sweep-delivered notifications due for an attempt. */
  public List<Long> dueForSweep(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM notifications
             WHERE delivered_by = 'sweep' AND next_attempt_at <= ?
               AND (status = 'pending' OR (status = 'sending' AND lease_until < ?))
             ORDER BY next_attempt_at LIMIT ?
            """)
        .params(Timestamp.from(now), Timestamp.from(now), limit)
        .query(Long.class)
        .list();
  }

  public List<Notification> forInvoice(long tenantId, long invoiceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE tenant_id = ? AND invoice_id = ? ORDER BY id")
        .params(tenantId, invoiceId)
        .query(NotificationRepository::map)
        .list();
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
  }

  private static Notification map(ResultSet rs, int row) throws SQLException {
    return new Notification(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        (Long) rs.getObject("invoice_id"),
        rs.getString("idempotency_key"),
        rs.getString("event"),
        rs.getString("detail"),
        rs.getString("channel"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body_text"),
        rs.getString("body_html"),
        rs.getString("payload"),
        rs.getString("attachment"),
        rs.getString("message_id"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
  }
}
