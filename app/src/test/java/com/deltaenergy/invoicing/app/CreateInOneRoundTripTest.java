package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.app.pay.TemporalCallCounter;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A create starts the invoice's workflow and waits for it to be issued in one call to Temporal
 * (update-with-start), against the embedded stack with its in-process worker; a repeated start
 * attaches to the running workflow and is answered from the update already completed.
 */
@SpringBootTest(
    classes = CryptoInvoicingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {"invoicing.database.embedded.ephemeral=true", "invoicing.sandbox.state-file="})
@Import(TemporalCallCounter.Wiring.class)
class CreateInOneRoundTripTest {

  private static EmbeddedTestSetup setup;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    setup = EmbeddedTestSetup.onFreePorts("invoicing-create");
    setup.register(registry);
  }

  @Autowired TemporalCallCounter calls;
  @Autowired WorkflowClient client;
  @Autowired InvoiceWorkflowClient workflows;
  @Autowired InvoiceRepository invoices;
  @Autowired ObjectMapper json;

  @Test
  void aCreateStartsAndAwaitsIssuedInOneOperation() throws Exception {
    long multiOperations = calls.count("ExecuteMultiOperation");
    long updates = calls.count("UpdateWorkflowExecution");

    JsonNode invoice = create();

    assertThat(invoice.get("status").asText()).isEqualTo("sent");
    assertThat(invoice.get("deposit_address").asText()).isNotBlank();
    assertThat(calls.count("ExecuteMultiOperation") - multiOperations).isGreaterThanOrEqualTo(1);
    // No separate update call: the wait for "issued" rode on the start.
    assertThat(calls.count("UpdateWorkflowExecution") - updates).isZero();
    assertThat(eventsOf(invoice.get("workflow_id").asText(), EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED))
        .isEqualTo(1);
  }

  @Test
  void aRepeatedStartAttachesToTheRunningWorkflowAndAddsNothingToItsHistory() throws Exception {
    JsonNode invoice = create();
    String workflowId = invoice.get("workflow_id").asText();
    String runId = client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
    // The issue notice is delivered after "issued" answered (from the notification task queue),
    // adding its own events: count once the run has nothing in flight.
    awaitNothingInFlight(workflowId);
    int events = client.fetchHistory(workflowId).getEvents().size();
    InvoiceRecord record = invoices.findById(invoice.get("id").asLong()).orElseThrow();

    Optional<InvoiceStatusView> again = workflows.startAndAwaitIssued(record);

    assertThat(again).isPresent();
    assertThat(again.get().state().status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(again.get().state().invoiceNumber()).isEqualTo(invoice.get("invoice_number").asText());
    assertThat(client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId()).isEqualTo(runId);
    assertThat(eventsOf(workflowId, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)).isEqualTo(1);
    assertThat(eventsOf(workflowId, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).isEqualTo(1);
    assertThat(client.fetchHistory(workflowId).getEvents().size()).isEqualTo(events);
  }

  private void awaitNothingInFlight(String workflowId) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      var described = client.newUntypedWorkflowStub(workflowId).describe().getRawDescription();
      if (described.getPendingActivitiesCount() == 0 && !described.hasPendingWorkflowTask()) {
        return;
      }
      assertThat(System.nanoTime()).as("the run still has work in flight after 30 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private long eventsOf(String workflowId, EventType type) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    return events.stream().filter(event -> event.getEventType() == type).count();
  }

  private JsonNode create() throws Exception {
    String body =
        """
        {"client_id": 2, "amount_usd": 980.25, "crypto_currency": "BTC",
         "billing_period": "November 2025", "due_date": "%s", "description": "Round trip"}
        """
            .formatted(LocalDate.now().plusDays(20));
    HttpResponse<String> created = setup.post("/api/invoice/create", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body());
  }
}
