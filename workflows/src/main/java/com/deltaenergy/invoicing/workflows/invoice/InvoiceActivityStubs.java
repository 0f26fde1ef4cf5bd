package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.notification.DeliveryRetryPolicy;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activities the invoice workflow calls, each with the timeouts and retries its side effect
 * needs. Created inside the workflow (stubs belong to one run); creating a stub writes no history.
 */
final class InvoiceActivityStubs {

  private static final RetryOptions UNTIL_IT_WORKS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  final InvoiceStoreActivities store =
      Workflow.newActivityStub(
          InvoiceStoreActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Exchange calls while issuing: transient failures retry for half an hour, then issuing waits. */
  final ExchangeActivities exchange =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
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

  final DocumentActivities documents =
      Workflow.newActivityStub(
          DocumentActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  final NotificationActivities notifications =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Delivery retries with backoff for up to a week: a mail server down for a day delays mail. */
  final NotificationActivities delivery =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setScheduleToCloseTimeout(Duration.ofDays(7))
              .setRetryOptions(DeliveryRetryPolicy.retryOptions())
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

  final CfoSyncActivities cfoBookkeeping =
      Workflow.newActivityStub(
          CfoSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());
}
