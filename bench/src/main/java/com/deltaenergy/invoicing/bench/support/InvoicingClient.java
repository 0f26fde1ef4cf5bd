package com.deltaenergy.invoicing.bench.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invoicing REST API and the sandbox exchange's control endpoints, over real HTTP. Sends
 * {@code Authorization: Bearer <key>} on every call when an API key is configured (issue 8); a
 * server without authentication ignores the header.
 */
public final class InvoicingClient {

  /** A response's status, its JSON body (null when empty) and how long the call took. */
  public record Reply(int status, JsonNode body, long nanos) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** An invoice as the API shows it; only the fields the probes need. */
  public record Invoice(JsonNode json) {
    public long id() {
      return json.path("id").asLong();
    }

    public String number() {
      return json.path("invoice_number").asText();
    }

    public String workflowId() {
      return json.path("workflow_id").asText();
    }

    public String status() {
      return json.path("status").asText();
    }

    public String currency() {
      return json.path("crypto_currency").asText();
    }

    public String network() {
      return json.path("crypto_network").asText();
    }

    /** Null until the invoice is issued. */
    public String depositAddress() {
      return text("deposit_address");
    }

    /** Null until the invoice is issued. */
    public BigDecimal cryptoAmount() {
      String amount = text("crypto_amount");
      return amount == null ? null : new BigDecimal(amount);
    }

    public int confirmationsRequired() {
      return json.path("confirmations_required").asInt(0);
    }

    public boolean issued() {
      return depositAddress() != null && cryptoAmount() != null && !"draft".equals(status());
    }

    private String text(String field) {
      JsonNode node = json.get(field);
      return node == null || node.isNull() ? null : node.asText();
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final HttpClient http;
  private final String apiBase;
  private final String sandboxBase;
  private final String apiKey;
  private final Duration timeout;

  /**
   * @param apiBase e.g. http://127.0.0.1:5002
   * @param sandboxBase the sandbox's base, e.g. http://127.0.0.1:5002/sandbox
   * @param apiKey sent as a bearer token when not blank
   */
  public InvoicingClient(String apiBase, String sandboxBase, String apiKey, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.apiBase = trimSlash(apiBase);
    this.sandboxBase = sandboxBase == null ? null : trimSlash(sandboxBase);
    this.apiKey = apiKey == null ? "" : apiKey.trim();
    this.timeout = timeout;
  }

  public String apiBase() {
    return apiBase;
  }

  // ---- the invoicing API ----

  /** POST /api/invoice/create; the reply carries the created invoice and the call's duration. */
  public Reply create(Map<String, Object> body) {
    return send("POST", apiBase + "/api/invoice/create", body);
  }

  public Invoice invoice(long id) {
    Reply reply = send("GET", apiBase + "/api/invoice/" + id, null);
    require(reply, "GET /api/invoice/" + id);
    return new Invoice(reply.body());
  }

  public Reply get(String path) {
    return send("GET", apiBase + path, null);
  }

  // ---- the sandbox exchange ----

  /** Simulates a deposit reaching the address; returns its transaction id. */
  public String deposit(String address, BigDecimal amount, String coin, String network) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("address", address);
    body.put("amount", amount.toPlainString());
    body.put("coin", coin);
    body.put("network", network);
    Reply reply = send("POST", sandbox("/deposits"), body);
    require(reply, "POST /sandbox/deposits");
    return reply.body().path("tx_id").asText();
  }

  /** Sets a deposit's confirmation count (and stops it growing by itself). */
  public void pinConfirmations(String txId, int confirmations) {
    Reply reply = send("POST", sandbox("/deposits/" + txId + "/confirmations"), Map.of("confirmations", confirmations));
    require(reply, "POST /sandbox/deposits/{tx}/confirmations");
  }

  public void setFaults(double errorRate, int status, long retryAfterSeconds, long latencyMs) {
    setFaults(errorRate, status, retryAfterSeconds, latencyMs, null);
  }

  /** Faults on one venue of the sandbox ("mexc", "binance"), or on both when venue is null. */
  public void setFaults(double errorRate, int status, long retryAfterSeconds, long latencyMs, String venue) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (venue != null) {
      body.put("venue", venue);
    }
    body.put("error_rate", errorRate);
    body.put("status", status);
    body.put("retry_after_seconds", retryAfterSeconds);
    body.put("latency_ms", latencyMs);
    require(send("POST", sandbox("/faults"), body), "POST /sandbox/faults");
  }

  public void clearFaults() {
    require(send("DELETE", sandbox("/faults"), null), "DELETE /sandbox/faults");
  }

  /** Calls per MEXC endpoint as the sandbox counted them: calls, max_calls_in_window, ... */
  public JsonNode sandboxStats() {
    Reply reply = send("GET", sandbox("/stats"), null);
    require(reply, "GET /sandbox/stats");
    return reply.body();
  }

  public void resetSandboxStats() {
    require(send("DELETE", sandbox("/stats"), null), "DELETE /sandbox/stats");
  }

  // ---- plumbing ----

  public Reply send(String method, String url, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (!apiKey.isEmpty()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    try {
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      long started = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      long nanos = System.nanoTime() - started;
      byte[] bytes = response.body();
      JsonNode json = bytes == null || bytes.length == 0 ? null : parse(bytes);
      return new Reply(response.statusCode(), json, nanos);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + url, e);
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      // Not JSON (an error page): keep it as text so the failure can say what came back.
      return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public static void require(Reply reply, String what) {
    if (!reply.ok()) {
      String body = reply.body() == null ? "" : reply.body().toString();
      throw new IllegalStateException(
          what + " answered HTTP " + reply.status() + ": " + body.substring(0, Math.min(300, body.length())));
    }
  }

  private String sandbox(String path) {
    if (sandboxBase == null) {
      throw new IllegalStateException("no sandbox base URL configured (--sandbox)");
    }
    return sandboxBase + path;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
