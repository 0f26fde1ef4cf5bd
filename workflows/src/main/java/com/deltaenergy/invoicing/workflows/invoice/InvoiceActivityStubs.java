package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.notification.DeliveryRetryPolicy;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activities the invoice workflow calls, each with the timeouts and retries its side effect
 * needs. Created inside the workflow (stubs belong to one run); creating a stub writes no history,
 * so which kind a run uses may be decided once its version is known.
 */
final class InvoiceActivityStubs {

  /**
   * Change id: the short, idempotent steps on the workflow's own worker (load, record, watch,
   * address, quote, render, record a notification, mark a booking failed) run as local
   * activities, one marker each instead of a scheduled/started/completed triple and a workflow
   * task (issue 14). Mail, webhooks and the ledger stay ordinary activities: their retries must
   * survive a worker's death across minutes. Runs started before it keep ordinary activities.
   */
  static final String LOCAL_SHORT_STEPS = "local-short-steps";

  private static final RetryOptions UNTIL_IT_WORKS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private static final RetryOptions EXCHANGE_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  /**
   * Version of {@link #LOCAL_SHORT_STEPS} from which the history is kept small (issue 14's 60
   * events a lifecycle): a delivery's first attempt is a local activity, the deadline timer is kept
   * while the deadline stands, the last record and the scanner's close go in one activity. Raising
   * the existing change id's version costs no marker of its own.
   */
  static final int SMALL_FOOTPRINT = 2;

  /**
   * Version of {@link #LOCAL_SHORT_STEPS} from which the retried deliveries (every delivery while
   * issuing, and a first local attempt that failed) are scheduled on the notification task queue
   * ({@link InvoiceWorkflowOptions#notificationTaskQueue}), whose worker is rate-limited: the mail
   * of a 1,000-row import goes out at the provider's pace after the invoices are issued, instead
   * of competing with issuing for the CPU (issue 15) and exceeding the provider's sending quota.
   */
  static final int NOTIFICATION_QUEUE = 3;

  /**
   * A delivery's first attempt runs on the workflow's own worker, inside the workflow task: no
   * retries (a failure hands the delivery to {@link #delivery}, whose retries survive a worker's
   * death across minutes), and a timeout short enough that a slow mail server does not hold the
   * task long (the task's own timeout is 10 s).
   */
  static final Duration FIRST_DELIVERY_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  private boolean shortStepsLocal;

  /** Whether this run takes the short steps locally (and together where they come together). */
  boolean shortStepsLocal() {
    return shortStepsLocal;
  }

  InvoiceStoreActivities store =
      Workflow.newActivityStub(
          InvoiceStoreActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Exchange calls while issuing: transient failures retry for half an hour, then issuing waits. */
  ExchangeActivities exchange =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(EXCHANGE_RETRIES)
              .build());

  /** A caller is waiting on a manual verification: a few quick attempts. */
  final ExchangeActivities exchangeLookup =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  DocumentActivities documents =
      Workflow.newActivityStub(
          DocumentActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  NotificationActivities notifications =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Delivery retries with backoff for up to a week: a mail server down for a day delays mail. */
  NotificationActivities delivery = Workflow.newActivityStub(NotificationActivities.class, deliveryOptions().build());

  /** The first attempt of a delivery, see {@link #FIRST_DELIVERY_ATTEMPT_TIMEOUT}. */
  final NotificationActivities deliveryFirstAttempt =
      Workflow.newLocalActivityStub(
          NotificationActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(FIRST_DELIVERY_ATTEMPT_TIMEOUT)
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  /**
   * CFO booking: four attempts, at +0, +1, +6 and +21 minutes (the activity's failure carries the
   * 1/5/15-minute delay); validation and schema errors are not retried.
   */
  final CfoSyncActivities cfo =
      Workflow.newActivityStub(
          CfoSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMinutes(1))
                      .setBackoffCoefficient(1)
                      .setMaximumAttempts(4)
                      .setDoNotRetry(CfoSyncActivities.VALIDATION_FAILED)
                      .build())
              .build());

  CfoSyncActivities cfoBookkeeping =
      Workflow.newActivityStub(
          CfoSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  private static ActivityOptions.Builder deliveryOptions() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setScheduleToCloseTimeout(Duration.ofDays(7))
        .setRetryOptions(DeliveryRetryPolicy.retryOptions());
  }

  /** From {@link #NOTIFICATION_QUEUE} on: deliveries on the notification task queue, same timeouts and retries. */
  void deliverOnTheNotificationQueue() {
    delivery =
        Workflow.newActivityStub(
            NotificationActivities.class,
            deliveryOptions()
                .setTaskQueue(InvoiceWorkflowOptions.notificationTaskQueue(Workflow.getInfo().getTaskQueue()))
                .build());
  }

  /** From {@link #LOCAL_SHORT_STEPS} on: the short steps as local activities, same timeouts and retries. */
  void runShortStepsLocally() {
    shortStepsLocal = true;
    store =
        Workflow.newLocalActivityStub(
            InvoiceStoreActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(UNTIL_IT_WORKS)
                .build());
    exchange =
        Workflow.newLocalActivityStub(
            ExchangeActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setScheduleToCloseTimeout(Duration.ofMinutes(30))
                .setRetryOptions(EXCHANGE_RETRIES)
                .build());
    documents =
        Workflow.newLocalActivityStub(
            DocumentActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(60))
                .setRetryOptions(UNTIL_IT_WORKS)
                .build());
    notifications =
        Workflow.newLocalActivityStub(
            NotificationActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(UNTIL_IT_WORKS)
                .build());
    cfoBookkeeping =
        Workflow.newLocalActivityStub(
            CfoSyncActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(UNTIL_IT_WORKS)
                .build());
  }
}
