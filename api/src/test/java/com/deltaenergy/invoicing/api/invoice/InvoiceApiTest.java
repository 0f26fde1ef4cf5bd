package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiWithoutWorkerTest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

// No worker runs here: the API must answer from what it stored once its short waits are up.
class InvoiceApiTest extends ApiWithoutWorkerTest {

  private static final String DUE = LocalDate.now().plusDays(30).toString();

  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient workflowClient;

  @Test
  void createsAnInvoiceAndStartsItsWorkflow() throws Exception {
    HttpResponse<String> response = api.post("/api/invoice/create", validBody());

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode invoice = json.readTree(response.body());
    String number = invoice.get("invoice_number").asText();
    assertThat(number).matches("DPY-\\d{4}-\\d{2}-\\d{4}");
    assertThat(invoice.get("status").asText()).isEqualTo("draft");
    assertThat(invoice.get("client_id").asLong()).isEqualTo(1);
    assertThat(invoice.get("client_name").asText()).isEqualTo("Alps Blockchain");
    assertThat(invoice.get("amount_usd").decimalValue()).isEqualByComparingTo("5000");
    assertThat(invoice.get("crypto_currency").asText()).isEqualTo("USDT");
    assertThat(invoice.get("crypto_network").asText()).isEqualTo("TRC20");
    assertThat(invoice.get("billing_period").asText()).isEqualTo("October 2025");
    assertThat(invoice.get("due_date").asText()).isEqualTo(DUE);
    assertThat(invoice.get("description").asText()).isEqualTo("Bitcoin Mining Colocation Services");
    assertThat(invoice.get("workflow_id").asText()).isEqualTo("invoice-" + number);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/invoice/" + invoice.get("id").asLong());

    var description =
        workflowClient
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(workflowClient.getOptions().getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(InvoiceWorkflowOptions.workflowId(number)))
                    .build());
    var searchAttributes = description.getWorkflowExecutionInfo().getSearchAttributes();
    assertThat(searchAttributes.getIndexedFieldsMap())
        .containsKeys("InvoiceNumber", "InvoiceStatus", "ClientName");
    assertThat(searchAttributes.getIndexedFieldsOrThrow("InvoiceNumber").getData().toStringUtf8())
        .contains(number);
    assertThat(searchAttributes.getIndexedFieldsOrThrow("ClientName").getData().toStringUtf8())
        .contains("Alps Blockchain");

    JsonNode fetched = json.readTree(api.get("/api/invoice/" + invoice.get("id").asLong()).body());
    assertThat(fetched.get("invoice_number").asText()).isEqualTo(number);

    JsonNode drafts = json.readTree(api.get("/api/invoices?status=draft").body());
    assertThat(drafts.findValuesAsText("invoice_number")).contains(number);
    JsonNode paid = json.readTree(api.get("/api/invoices?status=paid").body());
    assertThat(paid.findValuesAsText("invoice_number")).doesNotContain(number);
  }

  @Test
  void computesLineItemsAndTaxExactly() throws Exception {
    String body =
        """
        {"client_id": 2, "crypto_currency": "BTC", "billing_period": "November 2025",
         "due_date": "%s", "description": "Hosting",
         "line_items": [
           {"description": "Power", "quantity": 3.5, "unit_price_usd": 0.07},
           {"description": "Hosting fee", "quantity": 1, "unit_price_usd": 1000.005}
         ],
         "tax_rate_percent": 10, "tax_label": "IVA"}
        """
            .formatted(DUE);
    HttpResponse<String> response = api.post("/api/invoice/create", body);
    // 1000.005 has three decimals: refused, nothing stored.
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("line_items[1].unit_price_usd");

    response = api.post("/api/invoice/create", body.replace("1000.005", "1000.01"));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode invoice = json.readTree(response.body());
    // 3.5 × 0.07 = 0.245 → 0.25 (HALF_UP); subtotal 1000.26; tax 100.026 → 100.03; total 1100.29
    assertThat(invoice.get("line_items").get(0).get("amount_usd").decimalValue())
        .isEqualByComparingTo("0.25");
    assertThat(invoice.get("subtotal_usd").decimalValue()).isEqualByComparingTo("1000.26");
    assertThat(invoice.get("tax_amount_usd").decimalValue()).isEqualByComparingTo("100.03");
    assertThat(invoice.get("amount_usd").decimalValue()).isEqualByComparingTo("1100.29");
    assertThat(invoice.get("tax_label").asText()).isEqualTo("IVA");
    assertThat(invoice.get("crypto_network").asText()).isEqualTo("BTC");
  }

  static Stream<Arguments> badRequests() {
    String valid = validBody();
    return Stream.of(
        Arguments.of("unknown client", valid.replace("\"client_id\": 1", "\"client_id\": 999"), "client_id"),
        Arguments.of("zero amount", valid.replace("5000", "0"), "amount_usd"),
        Arguments.of("negative amount", valid.replace("5000", "-10"), "amount_usd"),
        Arguments.of("too many decimals", valid.replace("5000", "10.001"), "amount_usd"),
        Arguments.of("BTC on TRC20", valid.replace("\"USDT\"", "\"BTC\""), "crypto_network"),
        Arguments.of("USDT without network", valid.replace("\"TRC20\"", "null"), "crypto_network"),
        Arguments.of("unknown network", valid.replace("TRC20", "SOL"), "crypto_network"),
        Arguments.of("unknown currency", valid.replace("\"USDT\"", "\"DOGE\""), "crypto_currency"),
        Arguments.of("malformed date", valid.replace(DUE, "2025-13-45"), "due_date"),
        Arguments.of("date in the past", valid.replace(DUE, "2020-01-01"), "due_date"),
        Arguments.of("amount not a number", valid.replace("5000", "\"lots\""), "amount_usd"),
        Arguments.of("missing billing period", valid.replace("\"billing_period\": \"October 2025\",", ""), "billing_period"),
        Arguments.of("blank description", valid.replace("Bitcoin Mining Colocation Services", " "), "description"),
        Arguments.of("missing client", valid.replace("\"client_id\": 1,", ""), "client_id"),
        Arguments.of("tax without lines", valid.replace("\"client_id\": 1,", "\"client_id\": 1, \"tax_rate_percent\": 10,"), "tax_rate_percent"),
        Arguments.of(
            "amount not matching lines",
            valid.replace(
                "\"client_id\": 1,",
                "\"client_id\": 1, \"line_items\": [{\"description\": \"a\", \"quantity\": 1, \"unit_price_usd\": 10}],"),
            "amount_usd"),
        Arguments.of("malformed JSON", "{\"client_id\": 1,", null),
        Arguments.of("empty body", "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusesBadInputNamingTheFieldAndStoresNothing(String name, String body, String field)
      throws Exception {
    long before = invoiceCount();

    HttpResponse<String> response = api.post("/api/invoice/create", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.get("errors")).isNotEmpty();
    if (field != null) {
      assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    assertThat(invoiceCount()).isEqualTo(before);
  }

  @Test
  void fiftyConcurrentCreatesGetFiftyDistinctConsecutiveNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(() -> api.post("/api/invoice/create", validBody()));
      }
      List<Integer> sequences = new ArrayList<>();
      for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
        HttpResponse<String> response = result.get();
        assertThat(response.statusCode()).isEqualTo(201);
        String number = json.readTree(response.body()).get("invoice_number").asText();
        sequences.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
      }
      assertThat(sequences).doesNotHaveDuplicates().hasSize(50);
      int min = sequences.stream().mapToInt(Integer::intValue).min().orElseThrow();
      int max = sequences.stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(max - min).isEqualTo(49);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknownInvoiceIsA404Problem() throws Exception {
    HttpResponse<String> response = api.get("/api/invoice/987654");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("987654");

    HttpResponse<String> notANumber = api.get("/api/invoice/abc");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notANumber.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("id");
  }

  @Test
  void unknownStatusFilterIsRefused() throws Exception {
    HttpResponse<String> response = api.get("/api/invoices?status=sleeping");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("status");
  }

  @Test
  void listsTheSeedClients() throws Exception {
    JsonNode clients = json.readTree(api.get("/api/clients").body());
    assertThat(clients.findValuesAsText("name"))
        .containsExactly("Alps Blockchain", "Exos Capital", "GM Data Centers", "Other");
  }

  private static String validBody() {
    return """
        {"client_id": 1, "amount_usd": 5000, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "October 2025", "due_date": "%s",
         "description": "Bitcoin Mining Colocation Services"}
        """
        .formatted(DUE);
  }

  private long invoiceCount() {
    return jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single();
  }
}
