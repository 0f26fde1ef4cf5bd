package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.replay.RecordedHistories;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every change to the invoice workflow must replay the histories of invoices already running.
 *
 * <p>Each scenario runs the current code and replays its fresh history and the one recorded from
 * the released code (see {@link RecordedHistories}). Record after a deliberate, gated change:
 * {@code ./mvnw -pl workflows test -Dtest='*ReplayTest' -Dhistories.record=true}; histories of
 * earlier releases stay and are replayed by name.
 */
class InvoiceWorkflowReplayTest extends InvoiceWorkflowTestSupport {

  @Test
  void paidConfirmedAndBookedReplays() throws Exception {
    InvoiceWorkflow invoice = issue(101, 10);
    observe(invoice, btc(101, "tx-replay-1", "0.02000000", 3));
    awaitStatus(invoice, InvoiceStatus.PARTIALLY_PAID);
    observe(invoice, btc(101, "tx-replay-1", "0.02000000", 3), btc(101, "tx-replay-2", "0.03000000", 1));
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    observe(invoice, btc(101, "tx-replay-1", "0.02000000", 3), btc(101, "tx-replay-2", "0.03000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    assertReplays(invoice, "invoice-paid-confirmed-booked");
  }

  /** Issued and waiting for payment: a run in the middle of its life, as most running invoices are. */
  @Test
  void issuedAndAwaitingPaymentReplays() throws Exception {
    InvoiceWorkflow invoice = issue(106, 10);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.CREATED);
    awaitDeliveries(1);

    assertReplays(invoice, "invoice-issued-awaiting-payment");
  }

  /** Part of the amount confirmed, the rest awaited. */
  @Test
  void partiallyPaidReplays() throws Exception {
    InvoiceWorkflow invoice = issue(107, 10);
    observe(invoice, btc(107, "tx-replay-7", "0.02000000", 3));
    awaitStatus(invoice, InvoiceStatus.PARTIALLY_PAID);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.PARTIALLY_PAID);
    awaitDeliveries(3);

    assertReplays(invoice, "invoice-partially-paid");
  }

  @Test
  void thirtyDaysOfDunningReplays() throws Exception {
    InvoiceWorkflow invoice = issue(102, 2);
    invoice.pauseDunning(new OperatorReason("talking to the client", "ops"));
    await(invoice, InvoiceState::dunningPaused);
    env.sleep(Duration.ofDays(9));
    invoice.resumeDunning(new OperatorReason("no answer", "ops"));
    invoice.extendDueDate(new ExtendDueDateRequest(today.plusDays(5), "client asked", "ops"));
    env.sleep(Duration.ofDays(40));
    awaitStatus(invoice, InvoiceStatus.IN_COLLECTIONS);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.COLLECTIONS);

    assertReplays(invoice, "invoice-dunning-to-collections");
  }

  @Test
  void ledgerDownRetriesAndManualRetryReplays() throws Exception {
    InvoiceWorkflow invoice = issue(103, 10);
    cfo.failuresBeforeSuccess = 4;
    exchange.depositsByTxId.put("abc103", java.util.List.of(btc(103, "abc103", "0.05000000", 3)));
    var verified = invoice.verifyPayment(new VerifyPaymentRequest("abc103", "ops@deltaenergy.com"));
    assertThat(verified.verdict()).isEqualTo(OperatorRequests.VerifyPaymentResult.Verdict.ACCEPTED);
    awaitStatus(invoice, InvoiceStatus.PAID);
    env.sleep(Duration.ofMinutes(30));
    await(invoice, s -> s.cfo().status() == CfoSyncState.Status.FAILED);
    invoice.retryCfoSync(new OperatorReason("ledger is back", "ops"));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    assertThat(client.fetchHistory(WorkflowStub.fromTyped(invoice).getExecution().getWorkflowId()).toJson(false))
        .contains("EVENT_TYPE_MARKER_RECORDED")
        .contains("Exchange.FindInvoiceDeposits")
        .doesNotContain("Exchange.FindDeposits\"");
    assertReplays(invoice, "invoice-ledger-retries");
  }

  /** A manual TxID check recorded before it looked in the tenant's own exchange account. */
  @Test
  void aManualVerificationFromBeforeTenantAccountsReplays() throws Exception {
    String history =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/histories/invoice-ledger-retries-before-tenant-accounts.json"));
    assertThat(history).contains("Exchange.FindDeposits\"").doesNotContain("EVENT_TYPE_MARKER_RECORDED");
    RecordedHistories.assertRecordedReplays("invoice-ledger-retries-before-tenant-accounts", InvoiceWorkflowImpl.class);
  }

  @Test
  void cancelledBeforeAnyPaymentReplays() throws Exception {
    InvoiceWorkflow invoice = issue(104, 10);
    env.sleep(Duration.ofDays(3));
    invoice.cancel(new CancelRequest("issued twice", "ops"));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    assertReplays(invoice, "invoice-cancelled");
  }

  /** Issue 18: a capped timer, an unchanged re-quote, summarised timers (three version markers). */
  @Test
  void farDueDateUnchangedRequoteAndSummarisedTimersReplay() throws Exception {
    InvoiceWorkflow invoice = start(105, java.time.LocalDate.parse("+99999-01-01"), PaymentNetwork.BTC, policy(3));
    invoice.awaitIssued();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> invoice.requote(new OperatorReason("client asked", "ops")))
        .isInstanceOf(io.temporal.client.WorkflowUpdateException.class);
    env.sleep(Duration.ofDays(366));
    observe(invoice, btc(105, "tx-replay-5", "0.05000000", 1));
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    observe(invoice, btc(105, "tx-replay-5", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    var changeIds =
        client.fetchHistory(WorkflowStub.fromTyped(invoice).getExecution().getWorkflowId()).getEvents().stream()
            // Version markers only: local activities record markers of their own.
            .filter(e -> e.hasMarkerRecordedEventAttributes()
                && e.getMarkerRecordedEventAttributes().getDetailsMap().containsKey("changeId"))
            .map(e -> io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                e.getMarkerRecordedEventAttributes().getDetailsMap().get("changeId").getPayloads(0),
                String.class, String.class))
            .toList();
    assertThat(changeIds)
        // Local short steps imply summarised timers: a run that has them asks no more about those.
        .contains(InvoiceWorkflowImpl.CLAMPED_TIMERS, InvoiceWorkflowImpl.UNCHANGED_REQUOTE, InvoiceActivityStubs.LOCAL_SHORT_STEPS)
        .doesNotContain(InvoiceWorkflowImpl.TIMER_SUMMARIES);
    assertReplays(invoice, "invoice-far-due-unchanged-requote-summarised-timers");
  }

  /** Waits (in real time) until the notifications told so far are delivered: the run is idle. */
  private void awaitDeliveries(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (notifications.deliveries.size() < count) {
      assertThat(System.nanoTime()).as("deliveries so far: %s", notifications.deliveries).isLessThan(deadline);
      sleep(Duration.ofMillis(20));
    }
    sleep(Duration.ofMillis(200));
  }

  /**
   * Replays the fresh history and the scenario's history recorded from the current release (the
   * name with {@link #NOTIFICATION_QUEUE}), then the ones recorded from the releases before it.
   */
  private void assertReplays(InvoiceWorkflow invoice, String name) throws Exception {
    var execution = WorkflowStub.fromTyped(invoice).getExecution();
    RecordedHistories.assertReplays(
        client.fetchHistory(execution.getWorkflowId(), execution.getRunId()), name + NOTIFICATION_QUEUE,
        InvoiceWorkflowImpl.class);
    RecordedHistories.assertRecordedReplays(name + SMALL_FOOTPRINT, InvoiceWorkflowImpl.class);
    RecordedHistories.assertRecordedReplays(name + LOCAL_SHORT_STEPS, InvoiceWorkflowImpl.class);
    RecordedHistories.assertRecordedReplays(name, InvoiceWorkflowImpl.class);
  }

  /** Histories recorded from issue 14's local short steps (and batched notifications), version 1. */
  private static final String LOCAL_SHORT_STEPS = "-local-short-steps";
  /**
   * Histories recorded from version 2 of local-short-steps: local first delivery attempts, kept
   * deadline timers, the last record and the scanner's close in one activity.
   */
  private static final String SMALL_FOOTPRINT = "-small-footprint";
  /** Histories recorded from version 3: retried deliveries on the notification task queue. */
  private static final String NOTIFICATION_QUEUE = "-notification-queue";
}
