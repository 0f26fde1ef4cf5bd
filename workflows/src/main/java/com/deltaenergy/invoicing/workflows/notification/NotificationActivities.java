package com.deltaenergy.invoicing.workflows.notification;

import io.temporal.activity.ActivityInterface;
import java.util.ArrayList;
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

  /**
   * {@link #record(InvoiceEvent)} for every event of one change, in one activity: the events a
   * change causes together are recorded together. Idempotent as {@code record} is.
   */
  default List<Long> recordAll(List<InvoiceEvent> events) {
    List<Long> ids = new ArrayList<>();
    events.forEach(event -> ids.addAll(record(event)));
    return ids;
  }

  /**
   * {@link #deliver(long)} for the notifications of one change, in one activity. Each is tried even
   * when an earlier one fails, and the first failure is then thrown: a retry re-sends only what was
   * not delivered (delivery is idempotent), so a failing recipient delays no other.
   */
  default void deliverAll(List<Long> notificationIds) {
    RuntimeException first = null;
    for (long id : notificationIds) {
      try {
        deliver(id);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
