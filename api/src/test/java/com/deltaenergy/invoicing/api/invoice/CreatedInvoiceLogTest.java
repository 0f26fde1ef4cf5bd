package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A new invoice's workflow can be found: its id in the response, and a log line linking to the Web UI. */
@TestPropertySource(properties = "invoicing.temporal.ui-url=http://localhost:8233/")
@ExtendWith(OutputCaptureExtension.class)
class CreatedInvoiceLogTest extends ApiTest {

  @Test
  void theLogNamesTheWorkflowAndLinksToItsWebUiPage(CapturedOutput output) throws Exception {
    HttpResponse<String> response =
        api.post("/api/invoice/create", """
            {"client_id": 2, "amount_usd": 300, "crypto_currency": "BTC", "billing_period": "May",
             "due_date": "%s", "description": "Hosting"}
            """.formatted(LocalDate.now().plusDays(10)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode invoice = json.readTree(response.body());
    String workflowId = invoice.get("workflow_id").asText();
    assertThat(workflowId).isEqualTo("invoice-" + invoice.get("invoice_number").asText());
    assertThat(output.getOut())
        .contains("Invoice " + invoice.get("invoice_number").asText() + " (id " + invoice.get("id").asLong()
            + ") created: workflow " + workflowId + " http://localhost:8233/namespaces/default/workflows/" + workflowId);
  }
}
