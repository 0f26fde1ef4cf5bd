package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhooks against a real HTTP receiver that checks every signature and answers the first two
 * deliveries of each event with 503: the retry policy brings each event through, exactly once.
 */
class WebhookTest extends WorkerIntegrationTest {

  private static final String WEBHOOK_SECRET = "whsec-test-0123456789";
  private static final Receiver RECEIVER = new Receiver();

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("invoicing.notifications.webhook-urls", () -> RECEIVER.url());
    registry.add("invoicing.notifications.webhook-secret", () -> WEBHOOK_SECRET);
  }

  @Test
  void signedEventsAreRetriedUntilAcceptedAndAcceptedOnce() throws Exception {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TRC20, "1200.00", today().plusDays(30));
    startAndIssue(invoice);

    env.sleep(Duration.ofMinutes(10));

    String created = eventually(() -> RECEIVER.acceptedIdOf("invoice.created", invoice.invoiceNumber()), id -> id != null);
    assertThat(RECEIVER.attempts.get(created).get()).isEqualTo(3);
    assertThat(RECEIVER.accepted).filteredOn(body -> body.path("id").asText().equals(created)).hasSize(1);
    JsonNode event = RECEIVER.accepted.stream().filter(b -> b.path("id").asText().equals(created)).findFirst().orElseThrow();
    assertThat(event.path("data").path("invoice_number").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(event.path("data").path("amount_usd").asText()).isEqualTo("1200.00");
    assertThat(RECEIVER.badSignatures.get()).isZero();
    assertThat(RECEIVER.requests.get()).isGreaterThanOrEqualTo(3);
  }

  /** A webhook receiver: verifies HMAC-SHA256 signatures, refuses each event's first two tries. */
  static final class Receiver {
    private final HttpServer server;
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    Receiver() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/hook", exchange -> {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Invoicing-Signature");
        int status;
        if (signature == null || !signature.equals("sha256=" + hmac(body))) {
          badSignatures.incrementAndGet();
          status = 401;
        } else {
          JsonNode event = JSON.readTree(body);
          String id = event.path("id").asText();
          assertThat(exchange.getRequestHeaders().getFirst("X-Invoicing-Event-Id")).isEqualTo(id);
          int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          status = attempt <= 2 ? 503 : 200;
          if (status == 200) {
            accepted.add(event);
          }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    String acceptedIdOf(String type, String invoiceNumber) {
      return accepted.stream()
          .filter(e -> e.path("type").asText().equals(type)
              && e.path("data").path("invoice_number").asText().equals(invoiceNumber))
          .map(e -> e.path("id").asText())
          .findFirst()
          .orElse(null);
    }

    private static String hmac(byte[] body) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
