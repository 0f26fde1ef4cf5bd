package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about an invoice, when, to whom, and how it went. */
@RestController
public class InvoiceNotificationsController {

  private final InvoiceService invoices;
  private final NotificationRepository notifications;
  private final CurrentTenant tenant;

  public InvoiceNotificationsController(
      InvoiceService invoices, NotificationRepository notifications, CurrentTenant tenant) {
    this.invoices = invoices;
    this.notifications = notifications;
    this.tenant = tenant;
  }

  public record NotificationResponse(
      long id,
      String event,
      String detail,
      String channel,
      String recipient,
      String subject,
      String status,
      int attempts,
      String lastError,
      String messageId,
      Instant createdAt,
      Instant sentAt) {}

  @GetMapping("/api/invoice/{id}/notifications")
  List<NotificationResponse> notifications(@PathVariable long id) {
    invoices.get(tenant.id(), id);
    return notifications.forInvoice(tenant.id(), id).stream()
        .map(n -> new NotificationResponse(
            n.id(), n.event(), n.detail(), n.channel(),
            // webhook URLs may carry secrets in their path: show the host only
            n.channel().equals("webhook") ? java.net.URI.create(n.recipient()).getHost() : n.recipient(),
            n.subject(), n.status(), n.attempts(), n.lastError(), n.messageId(), n.createdAt(), n.sentAt()))
        .toList();
  }
}
