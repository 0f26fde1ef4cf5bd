package com.deltaenergy.invoicing.persistence.watch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deposit scanner's watch list. */
@Repository
public class DepositWatchRepository {

  /**
   * One watched address.
   *
   * @param open the invoice still takes payments; a closed watch only records late deposits
   * @param lastHash fingerprint of what was last reported for the address
   */
  public record DepositWatch(
      long invoiceId,
      long tenantId,
      String workflowId,
      String coin,
      String network,
      String address,
      String memo,
      boolean open,
      String finalStatus,
      Instant watchUntil,
      String lastHash) {}

  private final JdbcClient jdbc;

  public DepositWatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Starts (or restarts) watching an invoice's address. The fingerprint is cleared so the next scan
   * reports the address's full state, whatever was reported before.
   */
  public void open(long invoiceId) {
    jdbc.sql(
            """
            INSERT INTO deposit_watches (invoice_id, tenant_id, workflow_id, coin, network, address, memo, state)
            SELECT id, tenant_id, workflow_id, crypto_currency, crypto_network, deposit_address, deposit_memo, 'open'
              FROM invoices WHERE id = :invoice AND deposit_address IS NOT NULL
            ON CONFLICT (invoice_id) DO UPDATE SET
                state = 'open', final_status = NULL, watch_until = NULL, closed_at = NULL, last_hash = NULL
             WHERE deposit_watches.state = 'open'
            """)
        .param("invoice", invoiceId)
        .update();
  }

  public void close(long invoiceId, String finalStatus, Instant watchUntil) {
    jdbc.sql(
            """
            UPDATE deposit_watches SET state = 'closed', final_status = ?, watch_until = ?,
                   closed_at = now()
             WHERE invoice_id = ? AND state = 'open'
            """)
        .params(finalStatus, Timestamp.from(watchUntil), invoiceId)
        .update();
  }

  /**
   * A closed watch whose address still has a deposit not final on the exchange is kept at least
   * until {@code until}, so that deposit is followed to the end.
   */
  public void keepClosedWatchUntil(long invoiceId, Instant until) {
    jdbc.sql(
            """
            UPDATE deposit_watches SET watch_until = ?
             WHERE invoice_id = ? AND state = 'closed' AND watch_until < ?
            """)
        .params(Timestamp.from(until), invoiceId, Timestamp.from(until))
        .update();
  }

  /** Open watches, and closed ones still within their look-out period. */
  public List<DepositWatch> active(Instant now) {
    return jdbc.sql(
            """
            SELECT invoice_id, tenant_id, workflow_id, coin, network, address, memo, state,
                   final_status, watch_until, last_hash
              FROM deposit_watches
             WHERE state = 'open' OR watch_until > ?
             ORDER BY invoice_id
            """)
        .param(Timestamp.from(now))
        .query(
            (rs, n) ->
                new DepositWatch(
                    rs.getLong("invoice_id"), rs.getLong("tenant_id"), rs.getString("workflow_id"),
                    rs.getString("coin"), rs.getString("network"), rs.getString("address"),
                    rs.getString("memo"), "open".equals(rs.getString("state")),
                    rs.getString("final_status"),
                    rs.getTimestamp("watch_until") == null ? null : rs.getTimestamp("watch_until").toInstant(),
                    rs.getString("last_hash")))
        .list();
  }

  /** Remembers what was reported, unless the watch was reset meanwhile (then it is reported anew). */
  public void reported(long invoiceId, String previousHash, String hash, Instant at) {
    jdbc.sql(
            """
            UPDATE deposit_watches SET last_hash = ?, last_observed_at = ?
             WHERE invoice_id = ? AND last_hash IS NOT DISTINCT FROM ?
            """)
        .params(hash, Timestamp.from(at), invoiceId, previousHash)
        .update();
  }

  public long countOpen() {
    return jdbc.sql("SELECT count(*) FROM deposit_watches WHERE state = 'open'").query(Long.class).single();
  }
}
