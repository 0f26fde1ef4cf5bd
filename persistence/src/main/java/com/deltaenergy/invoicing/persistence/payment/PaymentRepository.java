package com.deltaenergy.invoicing.persistence.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deposits recorded against invoices. */
@Repository
public class PaymentRepository {

  /** One recorded deposit. */
  public record PaymentRecord(
      long id,
      long invoiceId,
      String txHash,
      String network,
      String exchangeNetwork,
      String address,
      String coin,
      BigDecimal amount,
      int confirmations,
      int confirmationsRequired,
      String depositStatus,
      boolean counts,
      String flag,
      boolean manual,
      Instant insertedAt,
      Instant firstSeenAt,
      Instant updatedAt) {}

  private final JdbcClient jdbc;

  public PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<PaymentRecord> forInvoice(long tenantId, long invoiceId) {
    return jdbc.sql(
            """
            SELECT id, invoice_id, tx_hash, network, exchange_network, address, coin, amount,
                   confirmations, confirmations_required, deposit_status, counts, flag, manual,
                   inserted_at, first_seen_at, updated_at
              FROM payment_transactions WHERE tenant_id = ? AND invoice_id = ? ORDER BY first_seen_at, id
            """)
        .params(tenantId, invoiceId)
        .query(
            (rs, n) ->
                new PaymentRecord(
                    rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("tx_hash"),
                    rs.getString("network"), rs.getString("exchange_network"), rs.getString("address"),
                    rs.getString("coin"), rs.getBigDecimal("amount"), rs.getInt("confirmations"),
                    rs.getInt("confirmations_required"), rs.getString("deposit_status"),
                    rs.getBoolean("counts"), rs.getString("flag"), rs.getBoolean("manual"),
                    instant(rs.getTimestamp("inserted_at")), instant(rs.getTimestamp("first_seen_at")),
                    instant(rs.getTimestamp("updated_at"))))
        .list();
  }

  /**
   * Records a deposit that reached the address of a closed invoice: never counted, flagged for an
   * operator. Returns true the first time; the same deposit is never recorded twice. Seen again,
   * its confirmations and status follow the exchange (until final there), whoever recorded it
   * first: the closed invoice's workflow no longer does.
   */
  public boolean recordLate(
      long invoiceId, String txHash, String network, String exchangeNetwork, String address,
      String coin, BigDecimal amount, int confirmations, String depositStatus, String flag,
      String rawJson, Instant insertedAt, Instant seenAt) {
    return jdbc.sql(
                """
                INSERT INTO payment_transactions (tenant_id, invoice_id, tx_hash, network,
                    exchange_network, address, coin, amount, confirmations, confirmations_required,
                    deposit_status, counts, flag, manual, raw_record, inserted_at, first_seen_at,
                    state_version)
                SELECT tenant_id, id, :tx, :network, :exchangeNetwork, :address, :coin, :amount,
                       :confirmations, 0, :status, false, :flag, false, CAST(:raw AS jsonb),
                       :insertedAt, :seenAt, 0
                  FROM invoices WHERE id = :invoice
                ON CONFLICT (network, tx_hash, address) DO UPDATE SET
                    confirmations = GREATEST(payment_transactions.confirmations, EXCLUDED.confirmations),
                    deposit_status = EXCLUDED.deposit_status,
                    raw_record = EXCLUDED.raw_record,
                    updated_at = now()
                 WHERE payment_transactions.invoice_id = EXCLUDED.invoice_id
                   AND (payment_transactions.confirmations < EXCLUDED.confirmations
                        OR payment_transactions.deposit_status <> EXCLUDED.deposit_status)
                RETURNING (xmax = 0) AS inserted
                """)
            .param("tx", txHash)
            .param("network", network)
            .param("exchangeNetwork", exchangeNetwork)
            .param("address", address)
            .param("coin", coin)
            .param("amount", amount)
            .param("confirmations", confirmations)
            .param("status", depositStatus)
            .param("flag", flag)
            .param("raw", rawJson)
            .param("insertedAt", insertedAt == null ? null : Timestamp.from(insertedAt))
            .param("seenAt", Timestamp.from(seenAt))
            .param("invoice", invoiceId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
