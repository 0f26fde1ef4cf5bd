package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiWithoutWorkerTest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

// No worker runs here: a sent draft is numbered and its workflow started; issuing it is the
// workflow's job, covered by the workflow tests.
class DraftApiTest extends ApiWithoutWorkerTest {

  private static final String DUE = LocalDate.now().plusDays(30).toString();

  @Autowired JdbcClient jdbc;
  @Autowired com.deltaenergy.invoicing.persistence.tenant.TenantRepository tenants;

  /** The default tenant's today: issue dates and form defaults are in the tenant's time zone, not the JVM's. */
  java.time.LocalDate tenantToday() {
    return java.time.LocalDate.now(
        tenants.findById(com.deltaenergy.invoicing.persistence.tenant.Tenant.DEFAULT_TENANT_ID).orElseThrow().timeZone());
  }
  @Autowired WorkflowClient workflowClient;

  @Test
  void aDraftHasNoNumberNoAddressAndNoWorkflowUntilSent() throws Exception {
    HttpResponse<String> created = api.send("POST", "/api/invoice/create", draftBody());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode draft = json.readTree(created.body());
    long id = draft.get("id").asLong();
    assertThat(draft.get("invoice_number").isNull()).isTrue();
    assertThat(draft.get("workflow_id").isNull()).isTrue();
    assertThat(draft.get("deposit_address").isNull()).isTrue();
    assertThat(draft.get("status").asText()).isEqualTo("draft");
    assertThat(draft.get("amount_usd").decimalValue()).isEqualByComparingTo("5000");
    assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE invoice_id = ?").param(id).query(Long.class).single())
        .isZero();

    JsonNode drafts = json.readTree(api.send("GET", "/api/invoices?status=draft", null).body());
    assertThat(drafts.findValues("id").stream().map(JsonNode::asLong)).contains(id);
    JsonNode fetched = json.readTree(api.send("GET", "/api/invoice/" + id, null).body());
    assertThat(fetched.get("live").asBoolean()).isFalse();
    assertThat(fetched.get("invoice_number").isNull()).isTrue();

    // An operator action needs a workflow: refused, nothing started.
    HttpResponse<String> cancel = api.send("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"test\"}");
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(409);
  }

  @Test
  void editsAreValidatedLikeACreate() throws Exception {
    long id = json.readTree(api.send("POST", "/api/invoice/create", draftBody()).body()).get("id").asLong();

    HttpResponse<String> edited =
        api.send("PATCH", "/api/invoice/" + id, "{\"amount_usd\": 6250.50, \"notes\": \"net 30\", \"crypto_currency\": \"BTC\", \"crypto_network\": null}");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    JsonNode draft = json.readTree(edited.body());
    assertThat(draft.get("amount_usd").decimalValue()).isEqualByComparingTo("6250.50");
    assertThat(draft.get("notes").asText()).isEqualTo("net 30");
    assertThat(draft.get("crypto_currency").asText()).isEqualTo("BTC");
    assertThat(draft.get("crypto_network").asText()).isEqualTo("BTC");
    assertThat(draft.get("description").asText()).isEqualTo("Bitcoin Mining Colocation Services");

    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"crypto_currency\": \"USDT\", \"crypto_network\": \"SOL\"}"), "crypto_network");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"due_date\": \"2001-01-01\"}"), "due_date");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"client_id\": 999999}"), "client_id");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"amount_usd\": \"lots\"}"), "amount_usd");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"description\": null}"), "description");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"draft\": false}"), "draft");
    assertRefused(api.send("PATCH", "/api/invoice/" + id, "{\"hacker\": true}"), "hacker");

    // Nothing of the refused edits was stored.
    JsonNode stored = json.readTree(api.send("GET", "/api/invoice/" + id, null).body());
    assertThat(stored.get("amount_usd").decimalValue()).isEqualByComparingTo("6250.50");
    assertThat(stored.get("crypto_currency").asText()).isEqualTo("BTC");
    assertThat(stored.get("client_id").asLong()).isEqualTo(1);
  }

  @Test
  void aSentDraftIsNumberedInIssueOrderWithNoGaps() throws Exception {
    long draftId = json.readTree(api.send("POST", "/api/invoice/create", draftBody()).body()).get("id").asLong();
    String before = json.readTree(api.send("POST", "/api/invoice/create", draftBody().replace("\"draft\": true", "\"draft\": false")).body())
        .get("invoice_number").asText();

    HttpResponse<String> sent = api.send("POST", "/api/invoice/" + draftId + "/send", null);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode invoice = json.readTree(sent.body());
    String number = invoice.get("invoice_number").asText();
    assertThat(sequence(number)).isEqualTo(sequence(before) + 1);
    assertThat(number.substring(0, number.lastIndexOf('-'))).isEqualTo(before.substring(0, before.lastIndexOf('-')));
    assertThat(invoice.get("workflow_id").asText()).isEqualTo(InvoiceWorkflowOptions.workflowId(number));
    assertThat(invoice.get("issue_date").asText()).isEqualTo(tenantToday().toString());

    var execution =
        workflowClient.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(workflowClient.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(InvoiceWorkflowOptions.workflowId(number)))
                .build());
    assertThat(execution.getWorkflowExecutionInfo().getExecution().getWorkflowId())
        .isEqualTo(InvoiceWorkflowOptions.workflowId(number));
    assertThat(jdbc.sql("SELECT draft_request IS NULL FROM invoices WHERE id = ?").param(draftId).query(Boolean.class).single())
        .isTrue();

    // Sent once: it is no draft any more.
    assertThat(api.send("POST", "/api/invoice/" + draftId + "/send", null).statusCode()).isEqualTo(409);
    assertThat(api.send("PATCH", "/api/invoice/" + draftId, "{\"notes\": \"late edit\"}").statusCode()).isEqualTo(409);
    assertThat(api.send("DELETE", "/api/invoice/" + draftId, null).statusCode()).isEqualTo(409);
    assertThat(jdbc.sql("SELECT invoice_number FROM invoices WHERE id = ?").param(draftId).query(String.class).single())
        .isEqualTo(number);
  }

  @Test
  void sendingValidatesTheDraftAgain() throws Exception {
    long id = json.readTree(api.send("POST", "/api/invoice/create", draftBody()).body()).get("id").asLong();
    // The due date passed while it waited (written directly: the API would refuse it).
    jdbc.sql("UPDATE invoices SET draft_request = jsonb_set(draft_request, '{due_date}', '\"2001-01-01\"') WHERE id = ?")
        .param(id).update();

    assertRefused(api.send("POST", "/api/invoice/" + id + "/send", null), "due_date");
    assertThat(jdbc.sql("SELECT invoice_number FROM invoices WHERE id = ?").param(id).query(String.class).optional())
        .isEmpty();
  }

  @Test
  void aDraftIsDeletedAndAnUnknownOneIsNotFound() throws Exception {
    long id = json.readTree(api.send("POST", "/api/invoice/create", draftBody()).body()).get("id").asLong();

    assertThat(api.send("DELETE", "/api/invoice/" + id, null).statusCode()).isEqualTo(204);
    assertThat(api.send("GET", "/api/invoice/" + id, null).statusCode()).isEqualTo(404);
    assertThat(api.send("DELETE", "/api/invoice/" + id, null).statusCode()).isEqualTo(404);
    assertThat(api.send("POST", "/api/invoice/" + id + "/send", null).statusCode()).isEqualTo(404);
    assertThat(api.send("PATCH", "/api/invoice/" + id, "{\"notes\": \"x\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void aDraftWithAnIdempotencyKeyIsStoredOnce() throws Exception {
    String key = "draft-" + System.nanoTime();
    HttpResponse<String> first = api.sendIdempotent("POST", "/api/invoice/create", draftBody(), key);
    HttpResponse<String> again = api.sendIdempotent("POST", "/api/invoice/create", draftBody(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json.readTree(again.body()).get("id").asLong()).isEqualTo(json.readTree(first.body()).get("id").asLong());
    assertThat(json.readTree(again.body()).get("invoice_number").isNull()).isTrue();
  }

  private void assertRefused(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field")).contains(field);
  }

  private static int sequence(String number) {
    return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
  }

  private static String draftBody() {
    return """
        {"client_id": 1, "amount_usd": 5000, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "October 2025", "due_date": "%s",
         "description": "Bitcoin Mining Colocation Services", "draft": true}
        """
        .formatted(DUE);
  }
}
