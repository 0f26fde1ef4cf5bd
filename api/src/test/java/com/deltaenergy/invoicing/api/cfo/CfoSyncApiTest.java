package com.deltaenergy.invoicing.api.cfo;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.AttemptLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.Booking;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CFO sync endpoints. The test Temporal server has no worker here: a manual sync is checked
 * by the signal it leaves in the invoice workflow's history.
 */
class CfoSyncApiTest extends ApiTest {

  @Autowired InvoiceRepository invoices;
  @Autowired CfoSyncRepository syncs;
  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient workflowClient;

  @Value("${invoicing.temporal.task-queue}")
  String taskQueue;

  @Test
  void aBookedInvoiceAnswersWithItsLedgerRow() throws Exception {
    InvoiceRecord invoice = paid(hoursAgo(2));
    Instant syncedAt = hoursAgo(1);
    book(invoice, 45678, syncedAt);
    jdbc.sql("UPDATE invoices SET status = 'complete' WHERE id = ?").param(invoice.id()).update();

    HttpResponse<String> response = api.post("/api/invoice/" + invoice.id() + "/sync-to-cfo", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("invoice_id").asLong()).isEqualTo(invoice.id());
    assertThat(body.get("cfo_transaction_id").asLong()).isEqualTo(45678);
    assertThat(body.get("sync_status").asText()).isEqualTo("synced");
    assertThat(Instant.parse(body.get("sync_timestamp").asText())).isEqualTo(syncedAt);

    JsonNode status = json.readTree(api.get("/api/invoice/" + invoice.id() + "/sync-status").body());
    assertThat(status.get("invoice_id").asLong()).isEqualTo(invoice.id());
    assertThat(status.get("invoice_number").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(status.get("invoice_status").asText()).isEqualTo("complete");
    assertThat(status.get("sync_status").asText()).isEqualTo("synced");
    assertThat(status.get("cfo_transaction_id").asLong()).isEqualTo(45678);
    assertThat(Instant.parse(status.get("sync_timestamp").asText())).isEqualTo(syncedAt);
    assertThat(status.get("entity_mapped").asText()).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(status.get("business_unit_mapped").asText()).isEqualTo("Paraguay Mining");
    assertThat(status.get("category_mapped").asText()).isEqualTo("Revenue");
    assertThat(status.get("subcategory_mapped").asText()).isEqualTo("Mining Revenue");
    assertThat(status.get("confidence_score").decimalValue()).isEqualByComparingTo("1.0");
  }

  @Test
  void aFailedSyncIsRetriedBySignallingTheInvoicesWorkflow() throws Exception {
    InvoiceRecord invoice = paid(hoursAgo(1));
    startWorkflow(invoice);
    syncs.recordRetry(invoice.id(), "connection refused", new AttemptLog(4, hoursAgo(1), null, "{}"));
    syncs.markFailed(invoice.id(), "connection refused", hoursAgo(1));

    HttpResponse<String> response =
        api.post("/api/invoice/" + invoice.id() + "/sync-to-cfo", "{\"reason\": \"the ledger is back\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("invoice_id").asLong()).isEqualTo(invoice.id());
    assertThat(body.get("cfo_transaction_id").isNull()).isTrue();
    assertThat(body.get("sync_status").asText()).isEqualTo("failed");
    assertThat(body.get("message").asText()).contains("retry requested");
    assertThat(signals(invoice)).containsExactly(new OperatorReason("the ledger is back", "api-key:bootstrap#1"));
  }

  @Test
  void aSyncUnderWayIsLeftToTheWorkflowWhichIgnoresTheRequestUnlessItsSyncFailed() throws Exception {
    InvoiceRecord invoice = paid(hoursAgo(1));
    startWorkflow(invoice);
    syncs.recordRetry(invoice.id(), "connection refused", new AttemptLog(1, hoursAgo(1), null, "{}"));

    HttpResponse<String> response = api.post("/api/invoice/" + invoice.id() + "/sync-to-cfo", null);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("sync_status").asText()).isEqualTo("retry");
    assertThat(body.get("message").asText()).contains("under way");
    assertThat(signals(invoice)).singleElement().extracting(OperatorReason::reason).isEqualTo("manual CFO sync requested");
  }

  @Test
  void aPaidInvoiceWhoseWorkflowHasEndedIsAConflict() throws Exception {
    InvoiceRecord invoice = paid(hoursAgo(1));

    HttpResponse<String> response = api.post("/api/invoice/" + invoice.id() + "/sync-to-cfo", null);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("workflow has ended");
  }

  @Test
  void anInvoiceThatIsNotPaidCannotBeSyncedAndAnUnknownOneIsNotFound() throws Exception {
    InvoiceRecord draft = invoice();

    HttpResponse<String> conflict = api.post("/api/invoice/" + draft.id() + "/sync-to-cfo", null);

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(conflict.body()).get("detail").asText())
        .contains(draft.invoiceNumber()).contains("is draft");
    JsonNode status = json.readTree(api.get("/api/invoice/" + draft.id() + "/sync-status").body());
    assertThat(status.get("invoice_status").asText()).isEqualTo("draft");
    assertThat(status.get("sync_status").isNull()).isTrue();

    for (HttpResponse<String> notFound :
        List.of(api.post("/api/invoice/987654/sync-to-cfo", null), api.get("/api/invoice/987654/sync-status"))) {
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(notFound.body()).get("detail").asText()).contains("987654");
    }
  }

  @Test
  void pendingListsPaidInvoicesNotBookedOldestPaymentFirst() throws Exception {
    InvoiceRecord older = paid(hoursAgo(5));
    InvoiceRecord newer = paid(hoursAgo(3));
    syncs.recordRetry(newer.id(), "connection refused", new AttemptLog(1, hoursAgo(2), null, "{}"));
    InvoiceRecord booked = paid(hoursAgo(4));
    book(booked, 1, hoursAgo(3));

    JsonNode pending = json.readTree(api.get("/api/cfo-sync/pending").body());

    assertThat(pending.get("count").asInt()).isEqualTo(pending.get("invoices").size());
    List<JsonNode> mine = pending.get("invoices").findParents("invoice_id").stream()
        .filter(node -> List.of(older.id(), newer.id(), booked.id()).contains(node.get("invoice_id").asLong()))
        .toList();
    assertThat(mine).extracting(node -> node.get("invoice_id").asLong()).containsExactly(older.id(), newer.id());
    JsonNode first = mine.get(0);
    assertThat(first.get("invoice_number").asText()).isEqualTo(older.invoiceNumber());
    assertThat(first.get("client_name").asText()).isEqualTo("Alps Blockchain");
    assertThat(first.get("amount_usd").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(Instant.parse(first.get("paid_at").asText())).isEqualTo(older.progress().paidAt());
    assertThat(first.get("sync_status").asText()).isEqualTo("pending");
    assertThat(first.get("retry_count").asInt()).isZero();
    assertThat(mine.get(1).get("sync_status").asText()).isEqualTo("retry");
    assertThat(mine.get(1).get("retry_count").asInt()).isEqualTo(1);
  }

  private InvoiceRecord invoice() {
    BigDecimal amount = new BigDecimal("5000.00");
    return invoices.create(
        new NewInvoice(
            1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
            PaymentNetwork.TRC20, "October 2025", "Bitcoin Mining Colocation Services", null, LocalDate.now(),
            LocalDate.now().plusDays(15), List.of(new LineItem("Mining", BigDecimal.ONE, amount, amount))));
  }

  private InvoiceRecord paid(Instant paidAt) {
    InvoiceRecord invoice = invoice();
    jdbc.sql("UPDATE invoices SET status = 'paid', paid_at = ? WHERE id = ?")
        .params(Timestamp.from(paidAt), invoice.id())
        .update();
    return invoices.findById(invoice.id()).orElseThrow();
  }

  private void book(InvoiceRecord invoice, long cfoTransactionId, Instant at) {
    syncs.recordSynced(
        invoice.id(),
        new Booking(cfoTransactionId, "Delta Mining Paraguay S.A.", "Paraguay Mining", "Revenue", "Mining Revenue",
            new BigDecimal("1.0")),
        new AttemptLog(1, at, null, "{}"));
  }

  /** The invoice's workflow, started on the test server; no worker runs it. */
  private void startWorkflow(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        workflowClient.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(taskQueue, invoice.invoiceNumber(), invoice.clientName(), InvoiceStatus.PAID));
    WorkflowClient.start(workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
  }

  /** The retryCfoSync signals in the invoice workflow's history, oldest first. */
  private List<OperatorReason> signals(InvoiceRecord invoice) {
    return workflowClient.fetchHistory(invoice.workflowId()).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(signal -> signal.getSignalName().equals("retryCfoSync"))
        .map(
            signal ->
                DefaultDataConverter.newDefaultInstance()
                    .fromPayload(signal.getInput().getPayloads(0), OperatorReason.class, OperatorReason.class))
        .toList();
  }

  private static Instant hoursAgo(long hours) {
    return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
  }
}
