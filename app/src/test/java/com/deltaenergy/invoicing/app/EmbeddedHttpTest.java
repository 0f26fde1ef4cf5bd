package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The embedded default over real HTTP and in real time, as the end-to-end tests drive it:
 * ephemeral data, one-second scanner cycles, deposits confirmed at once, and the bootstrap admin
 * key on every request. A subclass chooses the ports ({@link EmbeddedStackTest}: one application
 * shared by its subclasses; {@link EmbeddedEndToEndTest}: one application per test class) and
 * names the application's port with {@link #target}.
 */
@EmbeddedInRealTime
abstract class EmbeddedHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  private static int port;

  /** The application's ports, a fresh data directory, and the bootstrap admin key. */
  static void register(DynamicPropertyRegistry registry, int port, int temporalPort, int smtpPort) throws IOException {
    EmbeddedTestSetup.onPorts(port, temporalPort, smtpPort, "invoicing-e2e").register(registry);
  }

  /** The port of the application under test: set before a class's tests run. */
  static void target(int applicationPort) {
    port = applicationPort;
  }

  static String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Reads the path (every 200 ms, for up to 60 s) until the condition holds. */
  static JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode value = get(path);
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out; last: " + value);
      }
      Thread.sleep(200);
      value = get(path);
    }
    return value;
  }

  static JsonNode awaitInvoice(long id, Predicate<JsonNode> condition) throws Exception {
    return await("/api/invoice/" + id, condition);
  }

  /** A BTC invoice for client 1 ("Colocation", November 2026, due in 20 days), created: its JSON. */
  static JsonNode createColocationInvoice(String amountUsd) throws Exception {
    return send("POST", "/api/invoice/create",
        """
        {"client_id": 1, "amount_usd": %s, "crypto_currency": "BTC", "billing_period": "November 2026",
         "due_date": "%s", "description": "Colocation"}
        """.formatted(amountUsd, LocalDate.now().plusDays(20)),
        201);
  }

  static JsonNode get(String path) throws Exception {
    return send("GET", path, null, 200);
  }

  /** A JSON request that must answer with the status; its JSON answer. */
  static JsonNode send(String method, String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = exchange(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static HttpResponse<String> exchange(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> bytes(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", TestApiKeys.BEARER);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
