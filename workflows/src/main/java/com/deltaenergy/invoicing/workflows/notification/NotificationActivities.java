package com.deltaenergy.invoicing.workflows.notification;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Tells people about invoice events, exactly once per recipient: intents are recorded first, each
 * under an idempotency key (invoice, event, detail, recipient), then delivered.
 */
@ActivityInterface(namePrefix = "Notification.")
public interface NotificationActivities {

  /** Records the notifications an event causes (e-mails, webhooks) and returns their ids. */
  List<Long> record(InvoiceEvent event);

  /**
   * Delivers one recorded notification unless it was delivered already. Failures are retried by
   * the activity's retry policy: a failing mail server delays mail, never loses it.
   */
  void deliver(long notificationId);
}
