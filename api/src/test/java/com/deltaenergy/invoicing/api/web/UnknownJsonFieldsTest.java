package com.deltaenergy.invoicing.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A field the API does not know is refused with a 400 naming it, on every endpoint that takes a JSON body. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnknownJsonFieldsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyEndpointWithAJsonBodyRefusesAnUnknownField() throws Exception {
    List<String> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      if (!takesJsonBody(entry.getKey(), entry.getValue())) {
        continue;
      }
      for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
        for (String pattern : entry.getKey().getPatternValues()) {
          String path = pattern.replaceAll("\\{[^}]+}", "1");
          endpoints.add(method + " " + path);
          HttpResponse<String> response = send(method.name(), path, "{\"hacker\": true}");
          assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(400);
          assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
          JsonNode problem = json.readTree(response.body());
          assertThat(problem.at("/errors/0/field").asText()).as(method + " " + path).isEqualTo("hacker");
          assertThat(problem.at("/errors/0/message").asText()).contains("unknown field");
        }
      }
    }
    // the API's body-taking endpoints are all covered, not none of them
    assertThat(endpoints).contains(
        "POST /api/invoice/create", "POST /api/clients", "PUT /api/clients/1", "POST /api/invoice/1/cancel",
        "POST /api/invoice/1/verify-payment", "PUT /api/admin/tenant", "POST /api/admin/api-keys");
  }

  @Test
  void anUnknownFieldInsideALineItemIsNamedWithItsPath() throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/invoice/create",
            """
            {"client_id": 1, "crypto_currency": "USDT", "crypto_network": "TRC20", "billing_period": "May",
             "due_date": "2030-01-01", "description": "x",
             "line_items": [{"description": "a", "quantity": 1, "unit_price_usd": 10, "discount": 5}]}
            """);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("line_items[0].discount");
  }

  /**
   * A {@code @RequestBody} read into a request type: not an endpoint that consumes only images, nor
   * a merge patch (a {@code JsonNode}), whose fields are checked against the draft it patches
   * (DraftApiTest).
   */
  private static boolean takesJsonBody(RequestMappingInfo info, HandlerMethod handler) {
    var consumes = info.getConsumesCondition().getConsumableMediaTypes();
    if (!consumes.isEmpty() && consumes.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
      return false;
    }
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        return !JsonNode.class.isAssignableFrom(parameter.getParameterType());
      }
    }
    return false;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + TestApiKeys.ADMIN)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "unknown-fields-" + System.nanoTime())
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
