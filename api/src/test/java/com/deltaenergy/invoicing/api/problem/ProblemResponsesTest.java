package com.deltaenergy.invoicing.api.problem;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Whatever goes wrong with a request, the answer is problem+json without internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProblemResponsesTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void unknownPathIs404() throws Exception {
    JsonNode problem = problem(send("GET", "/api/no-such-thing", null, null), 404);
    assertThat(problem.get("detail").asText()).contains("/api/no-such-thing");
    problem(send("GET", "/no-such-page", null, null), 404);
  }

  @Test
  void unsupportedMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response = send("DELETE", "/api/invoices", null, null);
    problem(response, 405);
    assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
  }

  @Test
  void unacceptableAcceptIs406() throws Exception {
    HttpResponse<String> response =
        http.send(request("/api/invoices").header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    problem(response, 406);
  }

  @Test
  void bodyThatIsNotJsonIs415() throws Exception {
    problem(send("POST", "/api/invoice/create", "text/plain", "client_id=1"), 415);
  }

  @Test
  void multipartWithoutBoundaryIs415NotAServerError() throws Exception {
    problem(send("POST", "/api/clients", "multipart/form-data", "{\"name\": \"x\"}"), 415);
    // A body-less request is not parsed at all, whatever it says its body is.
    assertThat(send("GET", "/api/invoices", "multipart/form-data", null).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJsonIs400() throws Exception {
    JsonNode problem = problem(send("POST", "/api/invoice/create", "application/json", "{\"client_id\": 1,"), 400);
    assertThat(problem.at("/errors/0/message").asText()).contains("malformed JSON");
  }

  @Test
  void wrongTypeInBodyNamesTheField() throws Exception {
    JsonNode problem =
        problem(send("POST", "/api/invoice/create", "application/json", "{\"client_id\": \"one\"}"), 400);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("client_id");
  }

  @Test
  void typeMismatchInPathAndQueryNamesTheParameter() throws Exception {
    assertThat(problem(send("GET", "/api/invoice/abc", null, null), 400).at("/errors/0/field").asText())
        .isEqualTo("id");
    assertThat(problem(send("GET", "/api/invoices?limit=lots", null, null), 400).at("/errors/0/field").asText())
        .isEqualTo("limit");
  }

  @Test
  void missingBodyIs400() throws Exception {
    problem(send("POST", "/api/invoice/1/cancel", "application/json", ""), 400);
  }

  @Test
  void validationListsEveryField() throws Exception {
    JsonNode problem = problem(send("POST", "/api/invoice/create", "application/json", "{}"), 400);
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).contains("client_id", "billing_period", "due_date");
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String huge = "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    problem(send("POST", "/api/invoice/create", "application/json", huge), 413);
  }

  private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "com.deltaenergy");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    return problem;
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = request(path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + TestApiKeys.ADMIN);
  }
}
