package com.deltaenergy.invoicing.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests that talk to the sandbox exchange over real HTTP, through the production MEXC client. The
 * sandbox is served by the test application itself on a fixed free port.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class SandboxBackedTest {

  protected static final String KEY = "mx0test-key";
  protected static final String SECRET = "test-secret-0123456789";
  protected static final int PORT = freePort();
  protected static final String SANDBOX = "http://127.0.0.1:" + PORT + "/sandbox";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("invoicing.mexc.base-url", () -> SANDBOX);
    registry.add("invoicing.mexc.api-key", () -> KEY);
    registry.add("invoicing.mexc.api-secret", () -> SECRET);
    registry.add("invoicing.sandbox.api-key", () -> KEY);
    registry.add("invoicing.sandbox.api-secret", () -> SECRET);
    registry.add("invoicing.sandbox.confirmation-interval", () -> "0s");
    registry.add("invoicing.exchange.min-fetch-spacing", () -> "0s");
  }

  /** Calls a sandbox control endpoint (JSON, snake_case) and returns the parsed answer. */
  protected static JsonNode control(String method, String path, String body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(SANDBOX + path)).header("Content-Type", "application/json");
      request.method(
          method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Raw HTTP to the sandbox's MEXC endpoints, for requests the client would never send. */
  protected static HttpResponse<String> raw(String pathAndQuery, String apiKey) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SANDBOX + pathAndQuery));
      if (apiKey != null) {
        request.header("X-MEXC-APIKEY", apiKey);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static long calls(String endpoint) {
    JsonNode stats = control("GET", "/stats", null);
    JsonNode entry = stats.get(endpoint);
    return entry == null ? 0 : entry.get("calls").asLong();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
