package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository.Notification;
import com.deltaenergy.invoicing.workflows.notification.DeliveryRetryPolicy;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices no workflow drives: operations alerts, and deposits that reached a closed invoice. They
 * are recorded (once per incident), tried at once, and retried by a sweep until delivered, so a
 * failing mail server delays them, never loses them. The sweep waits by the same
 * {@link DeliveryRetryPolicy} as an invoice's workflow retries its own deliveries; it is the only
 * retry these notices have, as no workflow drives them.
 */
@Component
public class SweptNotifications implements OperationsAlerts, LateDepositAlerts {

  private static final Logger log = LoggerFactory.getLogger(SweptNotifications.class);

  private final NotificationRecorder recorder;
  private final NotificationSender sender;
  private final NotificationRepository notifications;
  private final Clock clock;

  public SweptNotifications(
      NotificationRecorder recorder,
      NotificationSender sender,
      NotificationRepository notifications,
      Clock clock) {
    this.clock = clock;
    this.recorder = recorder;
    this.sender = sender;
    this.notifications = notifications;
  }

  @Override
  public void raise(String incidentKey, String subject, String body) {
    log.warn("Operations alert [{}]: {}", incidentKey, subject);
    tryEach(recorder.recordAlert(incidentKey, subject, body));
  }

  @Override
  public void alert(long invoiceId, ObservedDeposit deposit, PaymentFlag flag) {
    tryEach(recorder.record(new InvoiceEvent(invoiceId, InvoiceEvent.Type.PAYMENT_FLAGGED, deposit.key()), NotificationRecorder.BY_SWEEP));
  }

  /** Delivers what is due, each failure waiting by {@link DeliveryRetryPolicy}. */
  @Scheduled(cron = "${invoicing.notifications.sweep-cron:*/30 * * * * *}")
  public void sweep() {
    tryEach(notifications.dueForSweep(clock.instant(), 100));
  }

  private void tryEach(List<Long> ids) {
    for (long id : ids) {
      int attempts = notifications.find(id).map(Notification::attempts).orElse(0);
      try {
        sender.deliver(id, DeliveryRetryPolicy.waitAfter(attempts));
      } catch (NotificationSender.DeliveryException e) {
        log.info("Notification {} not delivered yet: {}", id, e.getMessage());
      }
    }
  }
}
