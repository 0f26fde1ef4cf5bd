package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiWithoutWorkerTest;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The create's update-with-start when no worker runs: the update cannot complete, the API answers
 * from what it stored once its wait is up, and the workflow is started all the same (Temporal
 * commits the start before it waits for a worker), so a worker that comes later issues it.
 */
class CreateWithoutWorkerTest extends ApiWithoutWorkerTest {

  @Autowired WorkflowClient client;
  @Autowired InvoiceRepository invoices;
  @Autowired InvoiceWorkflowClient workflows;

  @Test
  void aCreateNoWorkerAnswersStartsItsWorkflowAndARetryAttachesToThatRun() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> created = create(UUID.randomUUID().toString());
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode invoice = json.readTree(created.body());
    // Not issued: answered from the stored row once the 300 ms wait was up, not after Temporal's own timeouts.
    assertThat(invoice.get("status").asText()).isEqualTo("draft");
    assertThat(tookMillis).isLessThan(10_000);
    String workflowId = invoice.get("workflow_id").asText();
    String runId = describeRunning(workflowId);

    // A retried start (a create's retry, a draft sent twice) attaches to the running workflow.
    InvoiceRecord record = invoices.findById(invoice.get("id").asLong()).orElseThrow();
    assertThat(workflows.startAndAwaitIssued(record)).isEmpty();

    assertThat(describeRunning(workflowId)).isEqualTo(runId);
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    assertThat(history.getEvents().stream().map(HistoryEvent::getEventType))
        .containsOnlyOnce(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  }

  private String describeRunning(String workflowId) {
    var description = client.newUntypedWorkflowStub(workflowId).describe();
    assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    return description.getExecution().getRunId();
  }

  private HttpResponse<String> create(String key) throws Exception {
    String body =
        """
        {"client_id": 1, "amount_usd": 1200.00, "crypto_currency": "USDT", "crypto_network": "TRC20", "billing_period": "October 2025", "due_date": "%s", "description": "No worker %s"}
        """
            .formatted(LocalDate.now().plusDays(30), key);
    return api.sendIdempotent("POST", "/api/invoice/create", body, key);
  }
}
