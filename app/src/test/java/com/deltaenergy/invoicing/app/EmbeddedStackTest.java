package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default over real HTTP, in real time, with one-second scanner cycles and the
 * sandbox exchange confirming only when told. Subclasses share one running application.
 */
@SpringBootTest(
    classes = CryptoInvoicingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "invoicing.database.embedded.ephemeral=true",
      "invoicing.payments.polling-interval=1s",
      "invoicing.sandbox.confirmation-interval=0s",
      "invoicing.sandbox.state-file=",
    })
abstract class EmbeddedStackTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final int PORT = 5121;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws Exception {
    Path data = Files.createTempDirectory("invoicing-stack");
    registry.add("server.port", () -> PORT);
    registry.add("invoicing.temporal.embedded.port", () -> 7320);
    registry.add("invoicing.notifications.smtp.port", () -> 3120);
    registry.add("invoicing.notifications.outbox-directory", () -> data.resolve("outbox").toString());
    registry.add("invoicing.documents.directory", () -> data.resolve("documents").toString());
    registry.add("invoicing.encryption.key-file", () -> data.resolve("encryption.key").toString());
    registry.add("invoicing.security.bootstrap-key", () -> TestApiKeys.ADMIN);
  }

  /** Sends the invoice's crypto amount to its address and confirms it far past any requirement. */
  static String payInFull(JsonNode invoice, String coin, String network) throws Exception {
    JsonNode deposit =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + invoice.get("deposit_address").asText() + "\", \"amount\": "
                + invoice.get("crypto_amount").asText() + ", \"coin\": \"" + coin + "\", \"network\": \"" + network + "\"}",
            201);
    String tx = deposit.get("tx_id").asText();
    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 64}", 200);
    return tx;
  }

  static JsonNode awaitInvoice(long id, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode invoice = send("GET", "/api/invoice/" + id, null, 200);
    while (!condition.test(invoice)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out; last: " + invoice);
      }
      Thread.sleep(200);
      invoice = send("GET", "/api/invoice/" + id, null, 200);
    }
    return invoice;
  }

  static JsonNode send(String method, String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = exchange(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static HttpResponse<String> exchange(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
