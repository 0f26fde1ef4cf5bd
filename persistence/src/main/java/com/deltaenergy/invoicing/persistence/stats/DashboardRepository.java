package com.deltaenergy.invoicing.persistence.stats;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts and sums of a tenant's invoices, for the dashboard. */
@Repository
public class DashboardRepository {

  public record StatusTotals(String status, long count, BigDecimal amountUsd) {}

  public record PeriodTotals(long count, BigDecimal amountUsd) {}

  private final JdbcClient jdbc;

  public DashboardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<StatusTotals> byStatus(long tenantId) {
    return jdbc.sql(
            """
            SELECT status, count(*) AS count, coalesce(sum(amount_usd), 0) AS amount
              FROM invoices WHERE tenant_id = ? GROUP BY status ORDER BY status
            """)
        .param(tenantId)
        .query((rs, n) -> new StatusTotals(rs.getString("status"), rs.getLong("count"), rs.getBigDecimal("amount")))
        .list();
  }

  /** Unpaid invoices past their overdue threshold (overdue or in collections, with or without part payments). */
  public PeriodTotals overdue(long tenantId) {
    return jdbc.sql(
            """
            SELECT count(*) AS count, coalesce(sum(amount_usd), 0) AS amount FROM invoices
             WHERE tenant_id = ? AND overdue AND paid_at IS NULL
               AND status NOT IN ('cancelled', 'complete', 'paid')
            """)
        .param(tenantId)
        .query((rs, n) -> new PeriodTotals(rs.getLong("count"), rs.getBigDecimal("amount")))
        .single();
  }

  public PeriodTotals paidBetween(long tenantId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) AS count, coalesce(sum(amount_usd), 0) AS amount FROM invoices
             WHERE tenant_id = ? AND paid_at >= ? AND paid_at < ?
            """)
        .params(tenantId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new PeriodTotals(rs.getLong("count"), rs.getBigDecimal("amount")))
        .single();
  }
}
