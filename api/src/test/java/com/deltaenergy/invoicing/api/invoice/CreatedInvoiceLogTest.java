package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A new invoice's workflow can be found: its id in the response, and a log line linking to the Web UI. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "invoicing.temporal.ui-url=http://localhost:8233/")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class CreatedInvoiceLogTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void theLogNamesTheWorkflowAndLinksToItsWebUiPage(CapturedOutput output) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoice/create"))
                    .header("Authorization", TestApiKeys.BEARER)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        """
                        {"client_id": 2, "amount_usd": 300, "crypto_currency": "BTC", "billing_period": "May",
                         "due_date": "%s", "description": "Hosting"}
                        """.formatted(LocalDate.now().plusDays(10))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode invoice = json.readTree(response.body());
    String workflowId = invoice.get("workflow_id").asText();
    assertThat(workflowId).isEqualTo("invoice-" + invoice.get("invoice_number").asText());
    assertThat(output.getOut())
        .contains("Invoice " + invoice.get("invoice_number").asText() + " (id " + invoice.get("id").asLong()
            + ") created: workflow " + workflowId + " http://localhost:8233/namespaces/default/workflows/" + workflowId);
  }
}
