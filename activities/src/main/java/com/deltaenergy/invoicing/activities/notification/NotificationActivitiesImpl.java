package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
// On the notification worker for the deliveries it paces; on the invoice worker for recording, for
// the local first attempts, and for runs from before the notification task queue.
@ActivityImpl(workers = {"invoice-worker", "notification-worker"})
public class NotificationActivitiesImpl implements NotificationActivities {

  /** The activity's retry policy decides when to try again; the row only records it as pending. */
  private static final Duration NEXT_ATTEMPT_BY_RETRY_POLICY = Duration.ZERO;

  private final NotificationRecorder recorder;
  private final NotificationSender sender;

  public NotificationActivitiesImpl(NotificationRecorder recorder, NotificationSender sender) {
    this.recorder = recorder;
    this.sender = sender;
  }

  @Override
  public List<Long> record(InvoiceEvent event) {
    return recorder.record(event, NotificationRecorder.BY_WORKFLOW);
  }

  @Override
  public void deliver(long notificationId) {
    try {
      sender.deliver(notificationId, NEXT_ATTEMPT_BY_RETRY_POLICY);
    } catch (NotificationSender.DeliveryException e) {
      throw e.retryable()
          ? ApplicationFailure.newFailure(e.getMessage(), "DeliveryFailed")
          : ApplicationFailure.newNonRetryableFailure(e.getMessage(), "DeliveryRefused");
    }
  }
}
