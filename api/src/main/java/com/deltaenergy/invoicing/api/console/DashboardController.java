package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import com.deltaenergy.invoicing.persistence.console.ConsoleQueries;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository.PeriodTotals;
import com.deltaenergy.invoicing.persistence.stats.DashboardRepository.StatusTotals;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's home page: the same figures as {@code /api/dashboard-stats}, {@code /api/cfo-sync/stats}
 * and {@code /api/polling-stats} (from the same repositories), the revenue of the last 30 days and
 * the latest events.
 */
@Controller
class DashboardController {

  static final int CHART_DAYS = 30;

  private final DashboardRepository dashboard;
  private final ConsoleQueries queries;
  private final ExchangeHealthRepository exchange;
  private final PollingLogRepository polling;
  private final CfoSyncQueries cfo;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final Clock clock;
  private final Duration pollingInterval;

  DashboardController(
      DashboardRepository dashboard,
      ConsoleQueries queries,
      ExchangeHealthRepository exchange,
      PollingLogRepository polling,
      CfoSyncQueries cfo,
      TenantRepository tenants,
      CurrentTenant tenant,
      Clock clock,
      @Value("${invoicing.payments.polling-interval:30s}") Duration pollingInterval) {
    this.dashboard = dashboard;
    this.queries = queries;
    this.exchange = exchange;
    this.polling = polling;
    this.cfo = cfo;
    this.tenants = tenants;
    this.tenant = tenant;
    this.clock = clock;
    this.pollingInterval = pollingInterval;
  }

  record Figure(String label, long count, BigDecimal amountUsd, String link) {}

  @GetMapping("/")
  String dashboard(Model model) {
    long tenantId = tenant.id();
    ZoneId zone = tenants.findById(tenantId).orElseThrow().timeZone();
    Instant now = clock.instant();
    YearMonth month = YearMonth.now(clock.withZone(zone));
    List<StatusTotals> byStatus = dashboard.byStatus(tenantId);
    PeriodTotals overdue = dashboard.overdue(tenantId);
    PeriodTotals paid =
        dashboard.paidBetween(tenantId, month.atDay(1).atStartOfDay(zone).toInstant(),
            month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    List<StatusTotals> open =
        byStatus.stream().filter(t -> !InvoiceStatus.fromWireName(t.status()).isFinal()).toList();
    StatusTotals partial = total(byStatus, InvoiceStatus.PARTIALLY_PAID);
    StatusTotals complete = total(byStatus, InvoiceStatus.COMPLETE);
    model.addAttribute("figures", List.of(
        new Figure("Open", open.stream().mapToLong(StatusTotals::count).sum(),
            open.stream().map(StatusTotals::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add), "/invoices?status=open"),
        new Figure("Partially paid", partial.count(), partial.amountUsd(), "/invoices?status=partially_paid"),
        new Figure("Overdue", overdue.count(), overdue.amountUsd(), "/invoices?status=overdue"),
        new Figure("Paid in " + month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
            paid.count(), paid.amountUsd(), "/invoices?status=paid"),
        new Figure("Complete", complete.count(), complete.amountUsd(), "/invoices?status=complete")));

    model.addAttribute("exchange", exchange.latest().orElse(null));
    // Every provider's latest check, as /api/exchange/health lists them in "providers".
    model.addAttribute("providers", exchange.all());
    var last = polling.last().orElse(null);
    model.addAttribute("lastScan", last);
    model.addAttribute("nextScan", last == null ? null : last.tickAt().plus(pollingInterval));
    model.addAttribute("cfo", cfo.figures(tenantId, now));

    LocalDate today = LocalDate.now(clock.withZone(zone));
    Instant chartFrom = today.minusDays(CHART_DAYS - 1).atStartOfDay(zone).toInstant();
    model.addAttribute("chart", RevenueChart.of(queries.revenueByDay(tenantId, chartFrom, zone), today, CHART_DAYS));
    model.addAttribute("events", queries.latestEvents(tenantId, 10));
    model.addAttribute("zone", zone);
    model.addAttribute("section", "dashboard");
    return "console/dashboard";
  }

  private static StatusTotals total(List<StatusTotals> totals, InvoiceStatus status) {
    return totals.stream()
        .filter(t -> t.status().equals(status.wireName()))
        .findFirst()
        .orElse(new StatusTotals(status.wireName(), 0, BigDecimal.ZERO));
  }
}
