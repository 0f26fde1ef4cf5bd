package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.activities.notification.OperationsAlerts;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncFigures;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the CFO sync and alerts operations at the seed's thresholds: sync lag over 10 minutes,
 * more than 5 invoices waiting, a 7-day success rate under 95 %. A sync that failed for good is
 * told once, by the invoice's own {@code invoice.cfo_sync_failed} notice, not here. Incident keys
 * make each alert once per incident: a threshold crossed is keyed by the UTC hour, so while it
 * lasts operations hear of it once an hour.
 */
@Component
@ConditionalOnProperty(name = "invoicing.cfo.monitor.enabled", havingValue = "true", matchIfMissing = true)
public class CfoSyncMonitor {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private final CfoSyncQueries syncs;
  private final OperationsAlerts alerts;
  private final CfoMonitorProperties thresholds;
  private final Clock clock;

  public CfoSyncMonitor(
      CfoSyncQueries syncs, OperationsAlerts alerts, CfoMonitorProperties thresholds, Clock clock) {
    this.syncs = syncs;
    this.alerts = alerts;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${invoicing.cfo.monitor.initial-delay:30s}",
      fixedDelayString = "${invoicing.cfo.monitor.interval:1m}")
  public void check() {
    Instant now = clock.instant();
    String hour = HOUR.format(now);
    CfoSyncFigures figures = syncs.figures(now);

    BigDecimal maxLagSeconds = BigDecimal.valueOf(thresholds.maxLag().toSeconds());
    if (figures.lagSeconds() != null && figures.lagSeconds().compareTo(maxLagSeconds) > 0) {
      alerts.raise(
          "cfo-sync-lag:" + hour,
          "CFO sync lag is " + figures.lagSeconds().toPlainString() + " s",
          "Paid invoices booked in the CFO ledger in the last 24 hours took "
              + figures.lagSeconds().toPlainString() + " s on average from payment to booking (threshold "
              + maxLagSeconds + " s).");
    }
    // A sync that failed for good is told by its invoice's own event (invoice.cfo_sync_failed,
    // to the same recipients): alerting it here as well sent every recipient two mails.
    if (figures.pending() > thresholds.maxPending()) {
      alerts.raise(
          "cfo-sync-pending:" + hour,
          figures.pending() + " paid invoices are waiting for the CFO ledger",
          figures.pending() + " paid invoices are not booked in the CFO ledger yet (threshold "
              + thresholds.maxPending() + "); " + figures.failed() + " of them failed. See GET /api/cfo-sync/pending.");
    }
    if (figures.successRatePercent() != null
        && figures.successRatePercent().compareTo(thresholds.minSuccessRatePercent()) < 0) {
      alerts.raise(
          "cfo-sync-success-rate:" + hour,
          "CFO sync success rate is " + figures.successRatePercent().toPlainString() + " %",
          "Of the CFO syncs settled in the last 7 days, " + figures.successRatePercent().toPlainString()
              + " % were booked (threshold " + thresholds.minSuccessRatePercent().toPlainString() + " %).");
    }
  }
}
