package com.deltaenergy.invoicing.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The sandbox exchange as a test application serves it on a fixed free port: the properties that
 * point the production MEXC client at it, and its control endpoints over real HTTP. The port is
 * chosen before the application starts, since the client's base URL must name it.
 */
public final class SandboxEndpoint {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String key;
  private final String secret;

  /** A sandbox on a free port that accepts this API key and secret (and the MEXC client uses them). */
  public SandboxEndpoint(String key, String secret) {
    this.port = FreePorts.next();
    this.key = key;
    this.secret = secret;
  }

  public int port() {
    return port;
  }

  /** The sandbox's base URL, e.g. {@code http://127.0.0.1:41234/sandbox}. */
  public String url() {
    return "http://127.0.0.1:" + port + "/sandbox";
  }

  /** Serves the test application on the port and points the MEXC client at the sandbox. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> port);
    registry.add("invoicing.mexc.base-url", this::url);
    registry.add("invoicing.mexc.api-key", () -> key);
    registry.add("invoicing.mexc.api-secret", () -> secret);
    registry.add("invoicing.sandbox.api-key", () -> key);
    registry.add("invoicing.sandbox.api-secret", () -> secret);
  }

  /** Calls a sandbox control endpoint (JSON, snake_case) and returns the parsed answer. */
  public JsonNode control(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json");
    request.method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = send(request);
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    try {
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raw HTTP to the sandbox's MEXC endpoints, for requests the client would never send. */
  public HttpResponse<String> raw(String pathAndQuery, String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery));
    if (apiKey != null) {
      request.header("X-MEXC-APIKEY", apiKey);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
