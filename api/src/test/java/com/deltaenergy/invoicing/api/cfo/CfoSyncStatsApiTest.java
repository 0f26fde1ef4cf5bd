package com.deltaenergy.invoicing.api.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.AttemptLog;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.Booking;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures, in GET /api/cfo-sync/stats and as gauges on /actuator/prometheus. They span every
 * invoice, so this class has a context (and database) of its own — metrics export is on here —
 * emptied before each test.
 */
@AutoConfigureObservability(tracing = false)
class CfoSyncStatsApiTest extends ApiTest {

  @Autowired InvoiceRepository invoices;
  @Autowired CfoSyncRepository syncs;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyDatabase() {
    jdbc.sql("DELETE FROM crypto_cfo_sync_log").update();
    jdbc.sql("DELETE FROM crypto_invoice_cfo_sync").update();
    jdbc.sql("DELETE FROM invoices").update();
  }

  @Test
  void statsAndGaugesReportLagSuccessRateAndPending() throws Exception {
    booked(ago(Duration.ofHours(3)), Duration.ofSeconds(60));
    booked(ago(Duration.ofHours(2)), Duration.ofSeconds(180));
    failed(ago(Duration.ofHours(4)));
    paid(ago(Duration.ofMinutes(30)));

    JsonNode stats = json.readTree(api.get("/api/cfo-sync/stats").body());

    assertThat(stats.get("sync_lag_seconds").decimalValue()).isEqualByComparingTo("120");
    assertThat(stats.get("success_rate_percent").decimalValue()).isEqualByComparingTo("66.67");
    assertThat(stats.get("pending").asLong()).isEqualTo(2);
    assertThat(stats.get("failed").asLong()).isEqualTo(1);
    assertThat(stats.get("synced_last_24_hours").asLong()).isEqualTo(2);
    assertThat(stats.get("as_of").asText()).isNotBlank();

    String metrics = api.get("/actuator/prometheus").body();
    assertThat(gauge(metrics, "cfo_sync_lag_seconds")).isEqualByComparingTo("120");
    assertThat(gauge(metrics, "cfo_sync_success_rate")).isEqualByComparingTo("66.67");
    assertThat(gauge(metrics, "cfo_sync_pending")).isEqualByComparingTo("2");
    assertThat(gauge(metrics, "cfo_sync_failed")).isEqualByComparingTo("1");
  }

  @Test
  void withNothingBookedOrSettledTheRatesHaveNoValue() throws Exception {
    paid(ago(Duration.ofMinutes(5)));

    JsonNode stats = json.readTree(api.get("/api/cfo-sync/stats").body());

    assertThat(stats.get("sync_lag_seconds").isNull()).isTrue();
    assertThat(stats.get("success_rate_percent").isNull()).isTrue();
    assertThat(stats.get("pending").asLong()).isEqualTo(1);
    assertThat(stats.get("failed").asLong()).isZero();
  }

  /** The value of an untagged or tagged gauge in Prometheus' text format. */
  private static BigDecimal gauge(String metrics, String name) {
    var matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
    assertThat(matcher.find()).as("%s in%n%s", name, metrics).isTrue();
    return new BigDecimal(matcher.group(2));
  }

  private static Instant ago(Duration duration) {
    return Instant.now().minus(duration).truncatedTo(ChronoUnit.MILLIS);
  }

  private InvoiceRecord paid(Instant paidAt) {
    BigDecimal amount = new BigDecimal("1000.00");
    InvoiceRecord invoice =
        invoices.create(
            new NewInvoice(
                1L, 2L, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.BTC.currency(),
                PaymentNetwork.BTC, "October 2025", "Hosting", null, LocalDate.now(), LocalDate.now().plusDays(15),
                List.of(new LineItem("Hosting", BigDecimal.ONE, amount, amount))));
    jdbc.sql("UPDATE invoices SET status = 'paid', paid_at = ? WHERE id = ?")
        .params(Timestamp.from(paidAt), invoice.id())
        .update();
    return invoice;
  }

  private void booked(Instant paidAt, Duration lag) {
    InvoiceRecord invoice = paid(paidAt);
    syncs.recordSynced(
        invoice.id(),
        new Booking(invoice.id(), "Delta Mining Paraguay S.A.", "Paraguay Hosting", "Revenue", "Client Hosting Revenue",
            new BigDecimal("1.0")),
        new AttemptLog(1, paidAt.plus(lag), null, "{}"));
  }

  private void failed(Instant paidAt) {
    InvoiceRecord invoice = paid(paidAt);
    syncs.recordRetry(invoice.id(), "connection refused", new AttemptLog(4, paidAt.plusSeconds(60), null, "{}"));
    syncs.markFailed(invoice.id(), "connection refused", paidAt.plusSeconds(61));
  }
}
