package com.deltaenergy.invoicing.api.cfo;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncFigures;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The CFO sync's figures as gauges over every tenant, on /actuator/prometheus:
 * {@code cfo_sync_lag_seconds}, {@code cfo_sync_success_rate} (percent), {@code cfo_sync_pending}
 * and {@code cfo_sync_failed}. A figure that has no data (nothing booked in 24 hours, nothing
 * settled in 7 days) is NaN. One read of the database serves all gauges of a scrape.
 */
@Component
public class CfoSyncMetrics implements MeterBinder {

  private static final Duration FIGURES_REUSED_FOR = Duration.ofSeconds(5);

  private final CfoSyncQueries syncs;
  private final Clock clock;
  private CfoSyncFigures figures;
  private Instant readAt;

  public CfoSyncMetrics(CfoSyncQueries syncs, Clock clock) {
    this.syncs = syncs;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("cfo.sync.lag", () -> orNaN(figures().lagSeconds()))
        .baseUnit("seconds")
        .description("Average time from payment to CFO ledger booking, over the last 24 hours")
        .register(registry);
    Gauge.builder("cfo.sync.success.rate", () -> orNaN(figures().successRatePercent()))
        .description("Percent of the CFO syncs settled in the last 7 days that booked the invoice")
        .register(registry);
    Gauge.builder("cfo.sync.pending", () -> figures().pending())
        .description("Paid invoices not booked in the CFO ledger yet")
        .register(registry);
    Gauge.builder("cfo.sync.failed", () -> figures().failed())
        .description("Paid invoices whose CFO sync failed and waits for an operator")
        .register(registry);
  }

  private synchronized CfoSyncFigures figures() {
    Instant now = clock.instant();
    if (figures == null || readAt.plus(FIGURES_REUSED_FOR).isBefore(now)) {
      figures = syncs.figures(now);
      readAt = now;
    }
    return figures;
  }

  private static Number orNaN(BigDecimal value) {
    return value == null ? Double.NaN : value;
  }
}
