package com.deltaenergy.invoicing.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import jakarta.servlet.Filter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * A path with matrix parameters, control characters or other tricks never reaches another resource
 * and never gets the container's HTML page: it is a 400 or 404 in problem+json. Sent over a raw
 * socket so the server sees exactly these bytes (an HTTP client would normalise or refuse some).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SuspiciousPathsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private String clientOne;

  @BeforeEach
  void clientOneExists() throws Exception {
    // the paths below would reach client 1 if their tricks were ignored
    Response response = get("/api/clients/1");
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    clientOne = json.readTree(response.body()).get("name").asText();
    assertThat(clientOne).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/invoice/%00",
        "/api/invoice/1%00",
        "/api/invoice/1;DROP",
        "/api/clients/1;DROP",
        "/api/clients/1;jsessionid=x",
        "/api;x=1/clients/1",
        "/api/clients/1%3BDROP",
        "/api/clients/..;/clients/1",
        "/api/invoices/../clients/1",
        "/api/invoices/%2e%2e/clients/1",
        "/api/invoices/./../clients/1",
        "/api//clients/1",
        "/api/invoice/%01",
        "/api/invoice/1%0d%0aX-Injected:%20yes",
        "/api/invoice/1%7f",
        "/api/invoice/%2e%2e/invoices",
        "/api/invoice/1%2Fpayments",
        "/api/invoice/1%5Cpayments",
        "/api/invoices/..;/invoice/1",
        "/api/%ff"
      })
  void isA400Or404ProblemNeverAnotherResource(String path) throws Exception {
    Response response = get(path);
    assertThat(response.status()).as(path + " → " + response.raw()).isIn(400, 404);
    assertThat(response.header("content-type")).as(path + " → " + response.raw()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(response.status());
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain(clientOne, "invoice_number", "Exception", "<html");
    assertThat(response.head()).doesNotContainIgnoringCase("X-Injected");
  }

  @org.junit.jupiter.api.Test
  void aFirewallThatThrowsIsAnsweredWithA400Problem() throws Exception {
    Response response = get("/api/firewalled/1");
    assertThat(response.status()).as(response.raw()).isEqualTo(400);
    assertThat(response.header("content-type")).isEqualTo("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception");
  }

  /** What Spring Security's FilterChainProxy does with a path its firewall refuses: it throws. */
  @TestConfiguration
  static class Firewall {
    @Bean
    FilterRegistrationBean<Filter> throwingFirewall() {
      FilterRegistrationBean<Filter> registration =
          new FilterRegistrationBean<>((request, response, chain) -> {
            throw new RequestRejectedException("The request was rejected because the URL contained a potentially malicious String");
          });
      registration.addUrlPatterns("/api/firewalled/*");
      return registration;
    }
  }

  static final class RequestRejectedException extends RuntimeException {
    RequestRejectedException(String message) {
      super(message);
    }
  }

  @org.junit.jupiter.api.Test
  void aPlainPathStillWorks() throws Exception {
    // the same request shape as above, without the trick: the filter lets it through
    Response response = get("/api/invoices?limit=1");
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
  }

  private record Response(int status, String raw, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          String value = line.substring(colon + 1).trim();
          int semicolon = value.indexOf(';');
          return semicolon < 0 ? value : value.substring(0, semicolon).trim();
        }
      }
      return null;
    }
  }

  @org.junit.jupiter.api.Test
  void aHeaderValueTheFirewallRefusesWhenReadIsA400ProblemNotA500() throws Exception {
    // Spring Security's firewall checks a header only when the handler reads it (here the
    // Idempotency-Key of a create), so its refusal surfaces in the handler, not the filter chain.
    // (a C1 control character inside it: the firewall allows printable Latin-1, not controls)
    String body = "{\"client_id\": 1}";
    Response response =
        exchange("POST /api/invoice/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestApiKeys.ADMIN
            + "\r\nIdempotency-Key: \u00d7\u0090\u00f8\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n" + body);
    assertThat(response.status()).as(response.raw()).isEqualTo(400);
    assertThat(response.header("content-type")).isEqualTo("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception", "\u00d7");
  }

  private Response get(String path) throws Exception {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestApiKeys.ADMIN
        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
  }

  private Response exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      String raw = bytes.toString(StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String head = split < 0 ? raw : raw.substring(0, split);
      String body = split < 0 ? "" : raw.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new Response(status, raw, head, body);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
