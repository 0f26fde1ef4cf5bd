package com.deltaenergy.invoicing.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document, fetched without a key like any client would: it lists every /api endpoint
 * the running application maps, with both ways to present a key and problem+json errors.
 */
class OpenApiDocumentTest extends ApiTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private JsonNode document;

  @BeforeEach
  void fetchDocumentWithoutAKey() throws Exception {
    HttpResponse<String> response = api.getWithoutKey("/v3/api-docs");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    document = json.readTree(response.body());
  }

  @Test
  void listsEveryHandlerMappedApiEndpoint() {
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            mapped.add(method.name().toLowerCase() + " " + pattern);
          }
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    document.get("paths").fields().forEachRemaining(path ->
        path.getValue().fieldNames().forEachRemaining(method -> documented.add(method + " " + path.getKey())));

    assertThat(mapped).hasSizeGreaterThan(25);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
    assertThat(documented).noneMatch(endpoint -> endpoint.contains("/sandbox"));
  }

  @Test
  void everyOperationNeedsAKeyAndAnswersErrorsAsProblems() {
    JsonNode schemes = document.at("/components/securitySchemes");
    assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
    assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
    assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
    assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-API-Key");
    List<String> global = new ArrayList<>();
    document.get("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
    assertThat(global).containsExactlyInAnyOrder("bearer", "apiKey");

    assertThat(document.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
        .isEqualTo("#/components/schemas/FieldProblem");
    List<String> withoutProblems = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path ->
        path.getValue().fields().forEachRemaining(operation -> {
          JsonNode responses = operation.getValue().get("responses");
          for (String status : List.of("401", "403")) {
            if (!responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText()
                .equals("#/components/schemas/Problem")) {
              withoutProblems.add(operation.getKey() + " " + path.getKey() + " " + status);
            }
          }
        }));
    assertThat(withoutProblems).isEmpty();
    assertThat(document.at("/paths/~1api~1invoice~1create/post/responses/400/content/application~1problem+json").isObject())
        .isTrue();
    assertThat(document.at("/paths/~1api~1invoice~1{id}/get/responses/404/content/application~1problem+json").isObject())
        .isTrue();
  }

  @Test
  void creationsAnswer201() {
    for (String path : List.of("/api/clients", "/api/invoice/create", "/api/admin/api-keys", "/api/admin/tenants")) {
      JsonNode responses = document.at("/paths/" + path.replace("/", "~1") + "/post/responses");
      assertThat(responses.has("201")).as(path + " " + responses).isTrue();
      assertThat(responses.has("200")).as(path).isFalse();
      assertThat(responses.at("/201/content/application~1json/schema").isObject()).as(path + " " + responses).isTrue();
    }
    assertThat(document.at("/paths/~1api~1invoice~1create/post/parameters/0/name").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void aRejectedPaymentVerificationIsDocumentedAs422WithTheVerdictBody() {
    JsonNode responses = document.at("/paths/~1api~1invoice~1{id}~1verify-payment/post/responses");
    String verdict = responses.at("/200/content/application~1json/schema/$ref").asText();
    assertThat(verdict).as(responses.toString()).endsWith("/VerifyPaymentResponse");
    assertThat(responses.at("/422/content/application~1json/schema/$ref").asText()).isEqualTo(verdict);
    assertThat(responses.at("/422/description").asText()).contains("rejected");
  }

  @Test
  void documentsTheSnakeCaseWireFormat() {
    JsonNode properties = document.at("/components/schemas/CreateInvoiceRequest/properties");
    assertThat(properties.has("client_id")).as(properties.toString()).isTrue();
    assertThat(properties.has("amount_usd")).isTrue();
    assertThat(properties.has("clientId")).isFalse();
  }

  @Test
  void swaggerUiIsPublic() throws Exception {
    HttpResponse<String> ui = api.getWithoutKey("/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }
}
