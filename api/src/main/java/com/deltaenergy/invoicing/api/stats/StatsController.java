package com.deltaenergy.invoicing.api.stats;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository.Cycle;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository.Totals;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository.PeriodTotals;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository.StatusTotals;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class StatsController {

  private final PollingLogRepository pollingLog;
  private final DepositWatchRepository watches;
  private final DashboardRepository dashboard;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final Clock clock;

  public StatsController(
      PollingLogRepository pollingLog,
      DepositWatchRepository watches,
      DashboardRepository dashboard,
      TenantRepository tenants,
      CurrentTenant tenant,
      Clock clock) {
    this.pollingLog = pollingLog;
    this.watches = watches;
    this.dashboard = dashboard;
    this.tenants = tenants;
    this.tenant = tenant;
    this.clock = clock;
  }

  /** Checks and errors over a period; a check is one watched address looked at in one cycle. */
  public record PeriodStats(long cycles, long checks, long exchangeCalls, long signals, long errors, long maxLagMs) {
    static PeriodStats of(Totals totals) {
      return new PeriodStats(
          totals.cycles(), totals.checks(), totals.exchangeCalls(), totals.signals(), totals.errors(), totals.maxLagMs());
    }
  }

  public record LastCheck(
      Instant tickAt, Instant finishedAt, long lagMs, int watches, int exchangeCalls, int errors, String error) {
    static LastCheck of(Cycle cycle) {
      return new LastCheck(
          cycle.tickAt(), cycle.finishedAt(), cycle.lagMs(), cycle.watches(), cycle.exchangeCalls(),
          cycle.errors(), cycle.error());
    }
  }

  /** @param nextCheckAt the scanner's next cycle: every open invoice's next_check_at */
  public record PollingStats(
      PeriodStats lastHour, PeriodStats lastDay, LastCheck lastCheck, Instant nextCheckAt,
      long openInvoicesWatched) {}

  @GetMapping("/polling-stats")
  PollingStats pollingStats() {
    Instant now = clock.instant();
    return new PollingStats(
        PeriodStats.of(pollingLog.since(now.minus(Duration.ofHours(1)))),
        PeriodStats.of(pollingLog.since(now.minus(Duration.ofDays(1)))),
        pollingLog.last().map(LastCheck::of).orElse(null),
        pollingLog.nextTick().orElse(null),
        watches.countOpen());
  }

  public record CountAndAmount(long count, BigDecimal amountUsd) {}

  public record DashboardStats(
      Map<String, CountAndAmount> byStatus,
      long totalInvoices,
      BigDecimal totalAmountUsd,
      CountAndAmount overdue,
      CountAndAmount paidThisMonth,
      String month) {}

  @GetMapping("/dashboard-stats")
  DashboardStats dashboardStats() {
    long tenantId = tenant.id();
    ZoneId zone = tenants.findById(tenantId).orElseThrow().timeZone();
    YearMonth month = YearMonth.now(clock.withZone(zone));
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<StatusTotals> totals = dashboard.byStatus(tenantId);
    Map<String, CountAndAmount> byStatus = new LinkedHashMap<>();
    totals.forEach(t -> byStatus.put(t.status(), new CountAndAmount(t.count(), t.amountUsd())));
    PeriodTotals overdue = dashboard.overdue(tenantId);
    PeriodTotals paid = dashboard.paidBetween(tenantId, from, to);
    return new DashboardStats(
        byStatus,
        totals.stream().mapToLong(StatusTotals::count).sum(),
        totals.stream().map(StatusTotals::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
        new CountAndAmount(overdue.count(), overdue.amountUsd()),
        new CountAndAmount(paid.count(), paid.amountUsd()),
        month.toString());
  }
}
