package com.deltaenergy.invoicing.persistence.console;

import com.deltaenergy.invoicing.persistence.support.SqlConditions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's list and dashboard reads: one query per list (never one per row), each on an
 * index (changeset 0021), always within one tenant.
 */
@Repository
public class ConsoleQueries {

  /** The sortable columns, by the name the page uses; nothing else reaches the SQL. */
  private static final Map<String, String> SORTS =
      Map.of(
          "number", "i.invoice_number",
          "client", "c.name",
          "amount", "i.amount_usd",
          "status", "i.status",
          "issued", "i.issue_date",
          "due", "i.due_date");

  private final JdbcClient jdbc;

  public ConsoleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What the invoice list shows.
   *
   * @param statuses the statuses to show (wire names); empty for all
   * @param search an invoice number (or its beginning), a deposit address or a transaction hash
   */
  public record InvoiceFilter(
      List<String> statuses,
      Long clientId,
      LocalDate issuedFrom,
      LocalDate issuedTo,
      String search,
      String sort,
      boolean descending,
      int limit,
      int offset) {

    public static boolean sortable(String column) {
      return column != null && SORTS.containsKey(column);
    }
  }

  public record InvoiceRow(
      long id,
      String invoiceNumber,
      long clientId,
      String clientName,
      BigDecimal amountUsd,
      BigDecimal cryptoAmount,
      String currency,
      String network,
      String status,
      LocalDate issueDate,
      LocalDate dueDate,
      String depositAddress) {}

  public record InvoicePage(List<InvoiceRow> rows, long total) {}

  public InvoicePage invoices(long tenantId, InvoiceFilter filter) {
    SqlConditions conditions =
        new SqlConditions()
            .andIn("i.status IN (:statuses)", "statuses", filter.statuses())
            .and("i.client_id = :client", "client", filter.clientId())
            .and("i.issue_date >= :from", "from", filter.issuedFrom())
            .and("i.issue_date <= :to", "to", filter.issuedTo());
    String search = filter.search() == null ? "" : filter.search().strip();
    if (!search.isEmpty()) {
      conditions.and(
          "(upper(i.invoice_number) LIKE :prefix OR i.deposit_address = :search OR i.id IN"
              + " (SELECT p.invoice_id FROM payment_transactions p WHERE p.tx_hash = :search AND p.tenant_id = :tenant))",
          Map.of("search", search, "prefix", escapeLike(search.toUpperCase(Locale.ROOT)) + "%"));
    }
    String where = " WHERE i.tenant_id = :tenant" + conditions.sql();
    String column = InvoiceFilter.sortable(filter.sort()) ? SORTS.get(filter.sort()) : "i.id";
    String direction = filter.descending() ? " DESC" : " ASC";
    // The page and the count are two queries: a window count would read every matching row before
    // the LIMIT, where the page alone walks an index (0021) and stops after it.
    List<InvoiceRow> rows =
        bind(jdbc.sql(
                """
                SELECT i.id, i.invoice_number, i.client_id, c.name AS client_name, i.amount_usd,
                       i.crypto_amount, i.crypto_currency, i.crypto_network, i.status, i.issue_date,
                       i.due_date, i.deposit_address
                  FROM invoices i JOIN clients c ON c.id = i.client_id
                """
                    + where + " ORDER BY " + column + direction + ", i.id" + direction
                    + " LIMIT :limit OFFSET :offset"), tenantId, conditions)
            .param("limit", filter.limit())
            .param("offset", filter.offset())
            .query(
                (rs, n) ->
                    new InvoiceRow(
                        rs.getLong("id"), rs.getString("invoice_number"), rs.getLong("client_id"),
                        rs.getString("client_name"), rs.getBigDecimal("amount_usd"), rs.getBigDecimal("crypto_amount"),
                        rs.getString("crypto_currency"), rs.getString("crypto_network"), rs.getString("status"),
                        rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        rs.getString("deposit_address")))
            .list();
    long total =
        rows.size() < filter.limit() && (filter.offset() == 0 || !rows.isEmpty())
            ? filter.offset() + rows.size()
            : bind(jdbc.sql("SELECT count(*) FROM invoices i" + where), tenantId, conditions)
                .query(Long.class)
                .single();
    return new InvoicePage(rows, total);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, long tenantId, SqlConditions conditions) {
    return spec.param("tenant", tenantId).params(conditions.params());
  }

  public record DayRevenue(LocalDate day, BigDecimal amountUsd) {}

  /** USD paid per day (in the tenant's time zone) since {@code from}; days without payments are absent. */
  public List<DayRevenue> revenueByDay(long tenantId, Instant from, ZoneId zone) {
    return jdbc.sql(
            """
            SELECT CAST(paid_at AT TIME ZONE :zone AS date) AS day, sum(amount_usd) AS amount
              FROM invoices WHERE tenant_id = :tenant AND paid_at >= :from
             GROUP BY 1 ORDER BY 1
            """)
        .param("zone", zone.getId())
        .param("tenant", tenantId)
        .param("from", Timestamp.from(from))
        .query((rs, n) -> new DayRevenue(rs.getObject("day", LocalDate.class), rs.getBigDecimal("amount")))
        .list();
  }

  /** Something that happened to an invoice: a payment seen or flagged, paid, a message sent, an operator's action. */
  public record Event(Instant at, long invoiceId, String invoiceNumber, String kind, String detail) {}

  public List<Event> latestEvents(long tenantId, int limit) {
    return jdbc.sql(
            """
            SELECT e.at, e.invoice_id, i.invoice_number, e.kind, e.detail FROM (
              (SELECT p.first_seen_at AS at, p.invoice_id,
                      CASE WHEN p.flag IS NULL THEN 'payment seen' ELSE 'payment flagged' END AS kind,
                      p.amount || ' ' || p.coin || coalesce(' (' || p.flag || ')', '') AS detail
                 FROM payment_transactions p WHERE p.tenant_id = :tenant ORDER BY p.first_seen_at DESC LIMIT :limit)
              UNION ALL
              (SELECT paid_at, id, 'paid', amount_usd || ' USD'
                 FROM invoices WHERE tenant_id = :tenant AND paid_at IS NOT NULL ORDER BY paid_at DESC LIMIT :limit)
              UNION ALL
              (SELECT sent_at, invoice_id, 'sent: ' || replace(event, '_', ' '), recipient
                 FROM notifications WHERE tenant_id = :tenant AND sent_at IS NOT NULL AND invoice_id IS NOT NULL
                ORDER BY sent_at DESC LIMIT :limit)
              UNION ALL
              (SELECT occurred_at, invoice_id, replace(action, '_', ' '), actor
                 FROM invoice_audit WHERE tenant_id = :tenant ORDER BY occurred_at DESC LIMIT :limit)
            ) e JOIN invoices i ON i.id = e.invoice_id
            ORDER BY e.at DESC LIMIT :limit
            """)
        .param("tenant", tenantId)
        .param("limit", limit)
        .query((rs, n) -> new Event(rs.getTimestamp("at").toInstant(), rs.getLong("invoice_id"),
            rs.getString("invoice_number"), rs.getString("kind"), rs.getString("detail")))
        .list();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
