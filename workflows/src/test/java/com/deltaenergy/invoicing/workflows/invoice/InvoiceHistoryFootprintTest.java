package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How many history events an invoice costs (issue 14): each is a write on the Temporal server and
 * a step of every replay. Counted on a BTC invoice with one notification recipient per event.
 */
class InvoiceHistoryFootprintTest extends InvoiceWorkflowTestSupport {

  @Test
  void issuingAndAWholeLifecycleStayWithinTheirBudgets() {
    InvoiceWorkflow invoice = issueInOneRoundTrip(301, 10);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.CREATED);
    List<HistoryEvent> issued = eventsWhenIdle(invoice);
    System.out.println("history events to issue: " + issued.size() + "\n" + types(issued));

    observe(invoice, btc(301, "tx-footprint-1", "0.02000000", 3));
    awaitRecorded(301, InvoiceStatus.PARTIALLY_PAID);
    observe(invoice, btc(301, "tx-footprint-1", "0.02000000", 3), btc(301, "tx-footprint-2", "0.03000000", 1));
    awaitRecorded(301, InvoiceStatus.CONFIRMING);
    observe(invoice, btc(301, "tx-footprint-1", "0.02000000", 3), btc(301, "tx-footprint-2", "0.03000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    List<HistoryEvent> complete = events(invoice);
    System.out.println("history events, whole lifecycle: " + complete.size() + "\n" + types(complete));

    assertThat(issued).hasSizeLessThanOrEqualTo(ISSUE_BUDGET);
    assertThat(complete).hasSizeLessThanOrEqualTo(LIFECYCLE_BUDGET);
  }

  /**
   * A notification whose local first attempt fails is delivered by the ordinary activity, whose
   * retries survive a worker's death: once, and with the activity's events in the history.
   */
  @Test
  void aFailedFirstDeliveryAttemptIsRetriedByTheOrdinaryActivity() {
    InvoiceWorkflow invoice = issueInOneRoundTrip(302, 10);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.CREATED);
    awaitDelivered(1);
    notifications.failingDeliveries.set(1);

    observe(invoice, btc(302, "tx-footprint-3", "0.02000000", 3));
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.PARTIALLY_PAID);
    awaitDelivered((int) notifications.ids.get());
    List<HistoryEvent> events = eventsWhenIdle(invoice);
    System.out.println("history with a failed first attempt:\n" + types(events));

    // Every notification recorded is delivered; the one whose first attempt failed, by the retry.
    // (This fake counts calls; the real sender claims each notification, so a retry of a batch
    // re-sends none that the failed attempt delivered: worker NotificationsTest.)
    assertThat(notifications.failedDeliveries.get()).isEqualTo(1);
    assertThat(notifications.deliveries.keySet()).hasSize((int) notifications.ids.get());
    List<String> lines = events.stream().map(InvoiceHistoryFootprintTest::describe).toList();
    int localAttempt = indexOf(lines, "LocalActivity \"Notification.DeliverAll\"", 0);
    assertThat(localAttempt).as("local first attempt in\n%s", String.join("\n", lines)).isPositive();
    assertThat(indexOf(lines, "ACTIVITY_TASK_SCHEDULED Notification.DeliverAll", localAttempt))
        .as("ordinary activity after the failed local attempt in\n%s", String.join("\n", lines))
        .isPositive();
  }

  /**
   * Issuing schedules its notice's delivery on the notification task queue, whose worker takes
   * deliveries at the mail provider's pace (issue 15): not on the invoice queue, where a bulk
   * import's thousand deliveries would compete with issuing.
   */
  @Test
  void theIssueNoticeIsDeliveredFromTheNotificationTaskQueue() {
    InvoiceWorkflow invoice = issueInOneRoundTrip(303, 10);
    awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type.CREATED);
    awaitDelivered(1);

    List<String> deliveryQueues =
        eventsWhenIdle(invoice).stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .filter(scheduled -> scheduled.getActivityType().getName().equals("Notification.DeliverAll"))
            .map(scheduled -> scheduled.getTaskQueue().getName())
            .toList();
    assertThat(deliveryQueues).containsExactly(InvoiceWorkflowOptions.notificationTaskQueue(QUEUE));
  }

  private static int indexOf(List<String> lines, String part, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  /** Waits (in real time) until this many notifications have been delivered. */
  private void awaitDelivered(int count) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (notifications.deliveries.size() < count) {
      assertThat(System.nanoTime()).as("delivered: %s", notifications.deliveries).isLessThan(deadline);
      sleep(java.time.Duration.ofMillis(20));
    }
  }

  /**
   * Issue 14 asked for 20 and 60. Issuing takes 20 (60 before, 59 as the load driver counted). This
   * lifecycle (three scanner reports, receipt, booking) took 167 at first, 69 to 78 with the local
   * short steps, and 55 since version 2 of local-short-steps: a delivery's first attempt is a
   * marker, the deadline timer stays, the last record closes the scanner's watch. What remains is
   * one signal task per report, a marker per step, the issue's delivery and the ledger booking as
   * ordinary activities.
   */
  static final int ISSUE_BUDGET = 20;
  static final int LIFECYCLE_BUDGET = 60;

  /**
   * Starts the invoice and waits until it is issued in one round trip, as the API's create does
   * with update-with-start: the update arrives with the start, in the run's first workflow task.
   */
  private InvoiceWorkflow issueInOneRoundTrip(long invoiceId, int dueInDays) {
    PaymentNetwork network = PaymentNetwork.BTC;
    java.time.LocalDate dueDate = today.plusDays(dueInDays);
    store.terms.put(
        invoiceId,
        new InvoiceTerms(
            invoiceId, 1, number(invoiceId), CLIENT, new java.math.BigDecimal("5000.00"), network.currency(),
            network, dueDate, "UTC", policy(3)));
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(
                QUEUE, number(invoiceId), CLIENT, InvoiceStatus.DRAFT, new java.math.BigDecimal("5000.00"), network, dueDate));
    InvoiceStatusView issued =
        WorkflowClient.executeUpdateWithStart(
            workflow::awaitIssued,
            UpdateOptions.<InvoiceStatusView>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(workflow::run, InvoiceWorkflowInput.start(invoiceId, number(invoiceId), CLIENT)));
    assertThat(issued.state().status()).isEqualTo(InvoiceStatus.SENT);
    return workflow;
  }

  /**
   * Waits (in real time) until the invoice's recorded state has the status, as the console sees it
   * in PostgreSQL. Not by querying the workflow: a query that arrives while a workflow task is in
   * flight makes the test server write one more (empty) workflow task to answer it, which is the
   * test's cost, not the invoice's.
   */
  private void awaitRecorded(long invoiceId, InvoiceStatus status) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (store.recorded.get(invoiceId) == null || store.recorded.get(invoiceId).status() != status) {
      assertThat(System.nanoTime()).as("recorded: %s", store.recorded.get(invoiceId)).isLessThan(deadline);
      sleep(java.time.Duration.ofMillis(20));
    }
  }

  /** The history once the workflow waits with nothing scheduled (no task or activity in flight). */
  private List<HistoryEvent> eventsWhenIdle(InvoiceWorkflow invoice) {
    List<HistoryEvent> events = events(invoice);
    for (int i = 0; i < 100; i++) {
      sleep(java.time.Duration.ofMillis(100));
      List<HistoryEvent> again = events(invoice);
      if (again.size() == events.size()) {
        return again;
      }
      events = again;
    }
    return events;
  }

  private List<HistoryEvent> events(InvoiceWorkflow invoice) {
    return client.fetchHistory(WorkflowStub.fromTyped(invoice).getExecution().getWorkflowId()).getEvents();
  }

  /** One line per event: its id, type and, for markers and activities, what it stands for. */
  private static String types(List<HistoryEvent> events) {
    return events.stream().map(InvoiceHistoryFootprintTest::describe).collect(Collectors.joining("\n"));
  }

  private static String describe(HistoryEvent event) {
    String line = event.getEventId() + " " + event.getEventType().name().replace("EVENT_TYPE_", "");
    if (event.hasMarkerRecordedEventAttributes()) {
      var details = event.getMarkerRecordedEventAttributes().getDetailsMap();
      String what = details.containsKey("type") ? details.get("type").getPayloads(0).getData().toStringUtf8()
          : details.containsKey("changeId") ? details.get("changeId").getPayloads(0).getData().toStringUtf8() : "";
      return line + " " + event.getMarkerRecordedEventAttributes().getMarkerName() + " " + what;
    }
    if (event.hasActivityTaskScheduledEventAttributes()) {
      return line + " " + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    }
    return line;
  }
}
