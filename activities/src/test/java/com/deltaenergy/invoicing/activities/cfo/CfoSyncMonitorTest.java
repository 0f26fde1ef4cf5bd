package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncFigures;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.AttemptLog;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.Booking;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The figures and the alerts at the seed's thresholds. The figures span every invoice, so this
 * class runs in a context (and database) of its own, emptied before each test.
 */
@TestPropertySource(properties = "invoicing.cfo.monitor.enabled=true")
class CfoSyncMonitorTest extends CfoSyncTestSupport {

  @Autowired CfoSyncMonitor wiredMonitor;
  @Autowired RecordingOperationsAlerts wiredAlerts;

  private final RecordingOperationsAlerts alerts = new RecordingOperationsAlerts();
  private MutableClock time;
  private CfoSyncMonitor monitor;

  @BeforeEach
  void emptyDatabase() {
    jdbc.sql("DELETE FROM crypto_cfo_sync_log").update();
    jdbc.sql("DELETE FROM crypto_invoice_cfo_sync").update();
    jdbc.sql("DELETE FROM invoices").update();
    // Mid-hour, so moving on by minutes stays in the same hour.
    time = new MutableClock(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20)));
    monitor = new CfoSyncMonitor(queries, alerts, new CfoMonitorProperties(Duration.ofMinutes(10), 5, new BigDecimal("95")), time);
  }

  @Test
  void figuresAreLagSuccessRateAndPendingAsTheSeedDefinesThem() {
    booked(ago(Duration.ofHours(3)), Duration.ofMinutes(2));
    booked(ago(Duration.ofHours(2)), Duration.ofMinutes(4));
    booked(ago(Duration.ofDays(3)), Duration.ofHours(10)); // outside the 24-hour lag window
    failed(ago(Duration.ofHours(5)));
    retrying(ago(Duration.ofHours(1))); // neither success nor failure yet
    paid(ago(Duration.ofMinutes(30)));

    CfoSyncFigures figures = queries.figures(time.instant());

    assertThat(figures.lagSeconds()).isEqualByComparingTo("180");
    assertThat(figures.syncedLast24Hours()).isEqualTo(2);
    assertThat(figures.successRatePercent()).isEqualByComparingTo("75.00"); // 3 booked of 4 settled
    assertThat(figures.pending()).isEqualTo(3);
    assertThat(figures.failed()).isEqualTo(1);
    assertThat(queries.figures(1, time.instant())).isEqualTo(figures);
    assertThat(queries.figures(2, time.instant())).isEqualTo(new CfoSyncFigures(null, null, 0, 0, 0));
  }

  @Test
  void aHealthySyncRaisesNothing() {
    booked(ago(Duration.ofHours(1)), Duration.ofMinutes(1));
    booked(ago(Duration.ofDays(2)), Duration.ofHours(5)); // slow, but not in the last 24 hours
    for (int i = 0; i < 5; i++) {
      paid(ago(Duration.ofMinutes(i)));
    }

    monitor.check();

    assertThat(alerts.raised).isEmpty();
  }

  @Test
  void aLagOverTenMinutesIsToldOnceAnHour() {
    booked(ago(Duration.ofHours(2)), Duration.ofMinutes(5));
    booked(ago(Duration.ofHours(1)), Duration.ofMinutes(20));

    monitor.check();
    time.advance(Duration.ofMinutes(15));
    monitor.check();

    assertThat(alerts.raised).hasSize(2);
    assertThat(alerts.toldKeys()).containsExactly("cfo-sync-lag:" + hour(time.instant()));
    assertThat(alerts.told.get(0).subject()).contains("750");

    time.advance(Duration.ofHours(1));
    monitor.check();
    assertThat(alerts.toldKeys()).hasSize(2).last().isEqualTo("cfo-sync-lag:" + hour(time.instant()));
  }

  /** The invoice's own invoice.cfo_sync_failed notice tells it: a second alert doubled the mail. */
  @Test
  void aFailedSyncIsNotAlertedAgainByTheMonitor() {
    InvoiceRecord invoice = failed(ago(Duration.ofHours(1)));

    monitor.check();
    time.advance(Duration.ofMinutes(30));
    syncs.recordRetry(invoice.id(), "still unreachable", new AttemptLog(1, time.instant(), null, "{}"));
    syncs.markFailed(invoice.id(), "still unreachable", time.instant());
    monitor.check();

    assertThat(failedKeys(alerts)).isEmpty();
    assertThat(alerts.raised).noneMatch(a -> a.subject().contains(invoice.invoiceNumber()));
  }

  @Test
  void moreThanFivePendingIsTold() {
    for (int i = 0; i < 6; i++) {
      paid(ago(Duration.ofMinutes(i)));
    }

    monitor.check();

    assertThat(alerts.toldKeys()).containsExactly("cfo-sync-pending:" + hour(time.instant()));
    assertThat(alerts.told.get(0).subject()).startsWith("6 paid invoices");
  }

  @Test
  void aSuccessRateUnderNinetyFivePercentIsTold() {
    for (int i = 0; i < 19; i++) {
      booked(ago(Duration.ofHours(1)), Duration.ofMinutes(1));
    }
    failed(ago(Duration.ofHours(2)));
    monitor.check();
    assertThat(alerts.toldKeys()).noneMatch(key -> key.startsWith("cfo-sync-success-rate:")); // exactly 95 %

    failed(ago(Duration.ofHours(3)));
    monitor.check();
    assertThat(alerts.toldKeys()).filteredOn(key -> key.startsWith("cfo-sync-success-rate:"))
        .containsExactly("cfo-sync-success-rate:" + hour(time.instant()));
    assertThat(queries.figures(time.instant()).successRatePercent()).isEqualByComparingTo("90.48");
  }

  @Test
  void theMonitorIsWiredWhenEnabled() {
    assertThat(wiredMonitor).isNotNull();
    for (int i = 0; i < 6; i++) {
      paid(ago(Duration.ofMinutes(i)));
    }
    wiredAlerts.clear();

    wiredMonitor.check();

    assertThat(wiredAlerts.toldKeys()).singleElement().asString().startsWith("cfo-sync-pending:");
  }

  private static List<String> failedKeys(RecordingOperationsAlerts alerts) {
    return alerts.toldKeys().stream().filter(key -> key.startsWith("cfo-sync-failed:")).toList();
  }

  private Instant ago(Duration duration) {
    return time.instant().minus(duration);
  }

  private static String hour(Instant instant) {
    return instant.toString().substring(0, 13);
  }

  private InvoiceRecord paid(Instant paidAt) {
    return paidInvoice(ALPS_BLOCKCHAIN, "100.00", "October 2025", "Mining", paidAt);
  }

  private void booked(Instant paidAt, Duration lag) {
    InvoiceRecord invoice = paid(paidAt);
    syncs.recordSynced(
        invoice.id(),
        new Booking(invoice.id(), "Delta Mining Paraguay S.A.", "Paraguay Mining", "Revenue", "Mining Revenue",
            new BigDecimal("1.0")),
        new AttemptLog(1, paidAt.plus(lag), null, "{}"));
  }

  private InvoiceRecord failed(Instant paidAt) {
    InvoiceRecord invoice = paid(paidAt);
    List.of(1, 2, 3, 4).forEach(
        attempt -> syncs.recordRetry(invoice.id(), "ledger unreachable", new AttemptLog(attempt, paidAt, null, "{}")));
    syncs.markFailed(invoice.id(), "ledger unreachable", paidAt.plus(Duration.ofMinutes(21)));
    return invoice;
  }

  private void retrying(Instant paidAt) {
    InvoiceRecord invoice = paid(paidAt);
    syncs.recordRetry(invoice.id(), "ledger unreachable", new AttemptLog(1, paidAt, null, "{}"));
  }
}
