package com.deltaenergy.invoicing.persistence.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every deposit seen in an exchange account's history, and which invoice (if any) it reached. A
 * deposit counts for no invoice when its address belongs to none, or when the invoice it reached
 * flagged it (wrong network, after cancel, after completion): those are "unmatched" until an
 * operator assigns (at most once) or dismisses them.
 */
@Repository
public class ExchangeDepositRepository {

  /** A deposit as the exchange reported it, with the invoice whose address it reached. */
  public record SeenDeposit(
      long tenantId,
      String accountId,
      String provider,
      String txHash,
      String coin,
      String network,
      String exchangeNetwork,
      String address,
      String memo,
      BigDecimal amount,
      int confirmations,
      String depositStatus,
      Instant depositedAt,
      Long invoiceId,
      String rawJson) {}

  /**
   * An invoice holding a deposit address.
   *
   * @param shared the address is shared with other invoices (told apart by amount)
   * @param open the invoice still takes payments
   */
  public record AddressHolder(
      long invoiceId, long tenantId, String network, String address, boolean shared, boolean open,
      BigDecimal cryptoAmount, Instant rateLockedAt) {}

  /**
   * A deposit that counts for no invoice.
   *
   * @param flaggedInvoiceId the invoice whose address it reached and which flagged it, if any
   * @param flag why it does not count there (null when its address belongs to no invoice)
   */
  public record UnmatchedDeposit(
      long id,
      long tenantId,
      String provider,
      String accountId,
      String txHash,
      String coin,
      String network,
      String exchangeNetwork,
      String address,
      String memo,
      BigDecimal amount,
      int confirmations,
      String depositStatus,
      Instant depositedAt,
      Instant firstSeenAt,
      Long flaggedInvoiceId,
      String flaggedInvoiceNumber,
      String flag,
      String resolution,
      Long assignedInvoiceId,
      String resolvedBy,
      String resolutionReason,
      Instant resolvedAt,
      String rawJson) {}

  private static final String UNMATCHED_SELECT =
      """
      SELECT d.id, d.tenant_id, d.provider, d.account_id, d.tx_hash, d.coin, d.network,
             d.exchange_network, d.address, d.memo, d.amount, d.confirmations, d.deposit_status,
             d.deposited_at, d.first_seen_at, d.invoice_id, i.invoice_number,
             COALESCE(p.flag, CASE WHEN d.invoice_id IS NULL THEN NULL
                                   WHEN i.status = 'cancelled' THEN 'AFTER_CANCEL'
                                   ELSE 'AFTER_COMPLETION' END) AS flag,
             d.resolution, d.assigned_invoice_id, d.resolved_by, d.resolution_reason,
             d.resolved_at, d.raw_record::text AS raw_record,
             p.counted
        FROM exchange_deposits d
        LEFT JOIN invoices i ON i.id = d.invoice_id
        LEFT JOIN LATERAL (
             SELECT bool_or(t.counts) AS counted, max(t.flag) AS flag
               FROM payment_transactions t
              WHERE t.invoice_id = d.invoice_id AND t.tx_hash = d.tx_hash AND t.network = d.network) p ON true
      """;

  /** Counts for no invoice: no invoice holds the address, or the one that does flagged it or is closed. */
  private static final String COUNTS_FOR_NONE =
      """
      (d.invoice_id IS NULL
       OR (p.counted IS NOT TRUE AND (p.flag IS NOT NULL OR i.status IN ('complete', 'cancelled'))))
      """;

  private final JdbcClient jdbc;

  public ExchangeDepositRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The invoices holding any of these addresses (EVM addresses compared without case). */
  public List<AddressHolder> holders(Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    List<String> keys = addresses.stream().map(ExchangeDepositRepository::addressKey).distinct().toList();
    return jdbc.sql(
            """
            SELECT id, tenant_id, crypto_network, deposit_address, shared_address,
                   status NOT IN ('complete', 'cancelled', 'draft') AS open, crypto_amount, rate_locked_at
              FROM invoices
             WHERE deposit_address IS NOT NULL
               AND (CASE WHEN deposit_address ILIKE '0x%' THEN lower(deposit_address) ELSE deposit_address END)
                   = ANY(CAST(:keys AS text[]))
             ORDER BY id
            """)
        .param("keys", keys.toArray(String[]::new))
        .query(
            (rs, n) ->
                new AddressHolder(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                    rs.getBoolean(6), rs.getBigDecimal(7), instant(rs.getTimestamp(8))))
        .list();
  }

  /** The first (default) tenant. */
  public long firstTenant() {
    return jdbc.sql("SELECT min(id) FROM tenants").query(Long.class).single();
  }

  /** Records a deposit the first time it is seen and keeps its confirmations and status current. */
  public void seen(SeenDeposit deposit, Instant at) {
    jdbc.sql(
            """
            INSERT INTO exchange_deposits (tenant_id, account_id, provider, tx_hash, coin, network,
                exchange_network, address, memo, amount, confirmations, deposit_status, deposited_at,
                first_seen_at, last_seen_at, invoice_id, raw_record)
            VALUES (:tenant, :account, :provider, :tx, :coin, :network, :exchangeNetwork, :address,
                :memo, :amount, :confirmations, :status, :depositedAt, :at, :at, :invoice,
                CAST(:raw AS jsonb))
            ON CONFLICT (network, tx_hash, address) DO UPDATE SET
                confirmations = EXCLUDED.confirmations, deposit_status = EXCLUDED.deposit_status,
                last_seen_at = EXCLUDED.last_seen_at, raw_record = EXCLUDED.raw_record
            """)
        .param("tenant", deposit.tenantId())
        .param("account", deposit.accountId())
        .param("provider", deposit.provider())
        .param("tx", deposit.txHash())
        .param("coin", deposit.coin())
        .param("network", deposit.network())
        .param("exchangeNetwork", deposit.exchangeNetwork())
        .param("address", deposit.address())
        .param("memo", deposit.memo())
        .param("amount", deposit.amount())
        .param("confirmations", deposit.confirmations())
        .param("status", deposit.depositStatus())
        .param("depositedAt", timestamp(deposit.depositedAt()))
        .param("at", Timestamp.from(at))
        .param("invoice", deposit.invoiceId())
        .param("raw", deposit.rawJson())
        .update();
  }

  /** The tenant's deposits that count for no invoice and wait for an operator, oldest first. */
  public List<UnmatchedDeposit> unmatched(long tenantId, int limit) {
    return jdbc.sql(
            UNMATCHED_SELECT
                + " WHERE d.tenant_id = :tenant AND d.resolution = 'none' AND " + COUNTS_FOR_NONE
                + " ORDER BY d.first_seen_at, d.id LIMIT :limit")
        .param("tenant", tenantId)
        .param("limit", limit)
        .query(ExchangeDepositRepository::unmatched)
        .list();
  }

  /** One of the tenant's recorded deposits, if it counts (or counted, before it was resolved) for no invoice. */
  public Optional<UnmatchedDeposit> find(long tenantId, long id) {
    return jdbc.sql(
            UNMATCHED_SELECT
                + " WHERE d.tenant_id = :tenant AND d.id = :id AND (d.resolution <> 'none' OR " + COUNTS_FOR_NONE + ")")
        .param("tenant", tenantId)
        .param("id", id)
        .query(ExchangeDepositRepository::unmatched)
        .optional();
  }

  /** Assigns an unresolved deposit to an invoice; false if it was resolved already (at most once). */
  public boolean claimForAssignment(long id, long invoiceId, String by, String reason, Instant at) {
    return jdbc.sql(
                """
                UPDATE exchange_deposits SET resolution = 'assigned', assigned_invoice_id = ?,
                       resolved_by = ?, resolution_reason = ?, resolved_at = ?
                 WHERE id = ? AND resolution = 'none'
                """)
            .params(invoiceId, by, reason, Timestamp.from(at), id)
            .update()
        == 1;
  }

  /** Undoes a claim the invoice's workflow refused, so the deposit can be assigned elsewhere. */
  public void releaseAssignment(long id, long invoiceId) {
    jdbc.sql(
            """
            UPDATE exchange_deposits SET resolution = 'none', assigned_invoice_id = NULL,
                   resolved_by = NULL, resolution_reason = NULL, resolved_at = NULL
             WHERE id = ? AND resolution = 'assigned' AND assigned_invoice_id = ?
            """)
        .params(id, invoiceId)
        .update();
  }

  /** Dismisses an unresolved deposit; false if it was resolved already. */
  public boolean dismiss(long id, String by, String reason, Instant at) {
    return jdbc.sql(
                """
                UPDATE exchange_deposits SET resolution = 'dismissed', resolved_by = ?,
                       resolution_reason = ?, resolved_at = ?
                 WHERE id = ? AND resolution = 'none'
                """)
            .params(by, reason, Timestamp.from(at), id)
            .update()
        == 1;
  }

  /** EVM addresses are case-insensitive (EIP-55 case is only a checksum); others are exact. */
  public static String addressKey(String address) {
    String trimmed = address == null ? "" : address.trim();
    return trimmed.startsWith("0x") || trimmed.startsWith("0X") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }

  private static UnmatchedDeposit unmatched(ResultSet rs, int n) throws SQLException {
    return new UnmatchedDeposit(
        rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("provider"), rs.getString("account_id"),
        rs.getString("tx_hash"), rs.getString("coin"), rs.getString("network"),
        rs.getString("exchange_network"), rs.getString("address"), rs.getString("memo"),
        rs.getBigDecimal("amount"), rs.getInt("confirmations"), rs.getString("deposit_status"),
        instant(rs.getTimestamp("deposited_at")), instant(rs.getTimestamp("first_seen_at")),
        (Long) rs.getObject("invoice_id"), rs.getString("invoice_number"), rs.getString("flag"),
        rs.getString("resolution"), (Long) rs.getObject("assigned_invoice_id"),
        rs.getString("resolved_by"), rs.getString("resolution_reason"),
        instant(rs.getTimestamp("resolved_at")), rs.getString("raw_record"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
