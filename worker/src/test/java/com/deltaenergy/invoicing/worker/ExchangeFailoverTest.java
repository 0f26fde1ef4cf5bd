package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.exchange.ExchangeHealthMonitor;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Failover between the sandbox's MEXC and Binance accounts, over real HTTP: with MEXC failing,
 * new invoices are issued on Binance at once (none waits in draft) and are paid there; when MEXC
 * recovers, issuing returns to it. Each switch is recorded once and mailed to operations once.
 */
@TestPropertySource(
    properties = {
      "invoicing.exchange.circuit-open-for=2s",
      "invoicing.exchange.health-check-enabled=true",
      "invoicing.exchange.health-check-initial-delay=1h",
    })
class ExchangeFailoverTest extends WorkerIntegrationTest {

  @org.springframework.test.context.DynamicPropertySource
  static void binance(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("invoicing.binance.base-url", () -> SANDBOX + "/binance");
    registry.add("invoicing.binance.api-key", () -> KEY);
    registry.add("invoicing.binance.api-secret", () -> SECRET);
  }

  @Autowired ExchangeHealthMonitor monitor;
  @Autowired ExchangeHealthRepository health;
  @Autowired ExchangeProviderRepository providers;

  @AfterEach
  void clearFaults() {
    sandbox("DELETE", "/faults", null);
  }

  @Test
  void issuingMovesToBinanceWhileMexcFailsAndBackWhenItRecovers() {
    InvoiceRecord before = issue();
    assertThat(issuer(before)).isEqualTo("MEXC");

    sandbox("POST", "/faults", "{\"error_rate\": 1, \"status\": 503, \"venue\": \"mexc\"}");
    long failedAt = System.nanoTime();
    InvoiceRecord during = issue();
    Duration toSecondProvider = Duration.ofNanos(System.nanoTime() - failedAt);
    assertThat(issuer(during)).isEqualTo("Binance");
    assertThat(toSecondProvider).isLessThan(Duration.ofSeconds(60));
    System.out.println("FIGURE first invoice issued on Binance " + toSecondProvider.toMillis() + " ms after MEXC began failing");
    assertThat(during.status().wireName()).isEqualTo("sent");
    InvoiceRecord alsoDuring = issue();
    assertThat(issuer(alsoDuring)).isEqualTo("Binance");
    assertThat(alsoDuring.depositAddress()).isEqualTo(during.depositAddress()); // Binance's one TRC20 address

    monitor.check();
    assertThat(health.all()).extracting(ExchangeCheck::provider).containsExactlyInAnyOrder("MEXC", "Binance");
    assertThat(health.all()).filteredOn(c -> c.provider().equals("MEXC")).singleElement()
        .satisfies(c -> assertThat(c.healthy()).isFalse());
    assertThat(health.all()).filteredOn(c -> c.provider().equals("Binance")).singleElement()
        .satisfies(c -> assertThat(c.healthy()).isTrue());

    // The invoice issued on Binance is watched and paid there, while MEXC is still down.
    InvoiceWorkflow workflow = client.newWorkflowStub(InvoiceWorkflow.class, during.workflowId());
    deposit(during.depositAddress(), during.cryptoAmount().toPlainString(), "USDT", "TRC20", 30);
    scan();
    await(workflow, s -> s.paidAt() != null);

    sandbox("DELETE", "/faults", null);
    monitor.check();
    pause(Duration.ofMillis(2_500)); // the breaker lets a trial call through after 2 s
    InvoiceRecord after = issue();
    assertThat(issuer(after)).isEqualTo("MEXC");

    assertThat(providers.switches(1L))
        .extracting(ExchangeProviderRepository.Switch::fromProvider, ExchangeProviderRepository.Switch::toProvider)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MEXC", "Binance"),
            org.assertj.core.groups.Tuple.tuple("Binance", "MEXC"));
    assertThat(providers.switchCount()).isEqualTo(2);
    java.util.List<jakarta.mail.internet.MimeMessage> alerts =
        eventually(() -> withSubject(MAIL.getReceivedMessages(), "Exchange failover"), list -> list.size() >= 2);
    pause(Duration.ofMillis(500)); // nothing more arrives
    alerts = withSubject(MAIL.getReceivedMessages(), "Exchange failover");
    // Once per switch: one message to each operations recipient.
    java.util.Map<String, java.util.List<String>> recipientsBySubject = new java.util.TreeMap<>();
    for (jakarta.mail.internet.MimeMessage alert : alerts) {
      recipientsBySubject.computeIfAbsent(subject(alert), k -> new java.util.ArrayList<>()).add(recipient(alert));
    }
    assertThat(recipientsBySubject).containsOnlyKeys(
        "Exchange failover: new invoices now issued on Binance instead of MEXC",
        "Exchange failover: new invoices now issued on MEXC instead of Binance");
    recipientsBySubject.values().forEach(to -> assertThat(to).doesNotHaveDuplicates());
  }

  /**
   * An exchange asking us to slow down (429) is healthy: issuing waits for it, as its Retry-After
   * says, instead of moving the tenant to Binance and back with an operations alert each way, as a
   * burst of creates made it do before (issue 15's imports).
   */
  @Test
  void aRateLimitedMexcIsWaitedForNotFailedOver() {
    long switchesBefore = providers.switchCount();
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TRC20, "80.00", today().plusDays(20));
    sandbox("POST", "/faults", "{\"error_rate\": 1, \"status\": 429, \"retry_after_seconds\": 1, \"venue\": \"mexc\"}");
    java.util.concurrent.CompletableFuture<Void> limitLifts =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              pause(Duration.ofSeconds(3));
              sandbox("DELETE", "/faults", null);
            });

    startAndIssue(invoice);
    limitLifts.join();

    assertThat(issuer(invoices.findById(invoice.id()).orElseThrow())).isEqualTo("MEXC");
    assertThat(providers.switchCount()).isEqualTo(switchesBefore);
  }

  private static String recipient(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private InvoiceRecord issue() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TRC20, "75.00", today().plusDays(20));
    startAndIssue(invoice);
    return invoices.findById(invoice.id()).orElseThrow();
  }

  private String issuer(InvoiceRecord invoice) {
    return providers.issuers(java.util.List.of(invoice.id())).get(invoice.id());
  }
}
