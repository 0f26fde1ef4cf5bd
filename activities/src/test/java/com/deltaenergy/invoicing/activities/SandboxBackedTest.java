package com.deltaenergy.invoicing.activities;

import com.deltaenergy.invoicing.testsupport.SandboxEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
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
  private static final SandboxEndpoint ENDPOINT = new SandboxEndpoint(KEY, SECRET);
  protected static final int PORT = ENDPOINT.port();
  protected static final String SANDBOX = ENDPOINT.url();

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    ENDPOINT.register(registry);
    registry.add("invoicing.sandbox.confirmation-interval", () -> "0s");
    registry.add("invoicing.exchange.min-fetch-spacing", () -> "0s");
  }

  /** Calls a sandbox control endpoint (JSON, snake_case) and returns the parsed answer. */
  protected static JsonNode control(String method, String path, String body) {
    return ENDPOINT.control(method, path, body);
  }

  /** Raw HTTP to the sandbox's MEXC endpoints, for requests the client would never send. */
  protected static HttpResponse<String> raw(String pathAndQuery, String apiKey) {
    return ENDPOINT.raw(pathAndQuery, apiKey);
  }

  protected static long calls(String endpoint) {
    JsonNode stats = control("GET", "/stats", null);
    JsonNode entry = stats.get(endpoint);
    return entry == null ? 0 : entry.get("calls").asLong();
  }
}
