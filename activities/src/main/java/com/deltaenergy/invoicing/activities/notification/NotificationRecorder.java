package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.activities.i18n.InvoicingMessages;
import com.deltaenergy.invoicing.activities.tenant.NotificationSettings;
import com.deltaenergy.invoicing.activities.tenant.TenantProfiles;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProjectionRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.paylink.PayLinks;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository.NewNotification;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns an event into notification intents: one e-mail per recipient and one call per webhook,
 * each under its idempotency key, rendered now and stored before anything is sent.
 */
@Component
public class NotificationRecorder {

  public static final String BY_WORKFLOW = "workflow";
  public static final String BY_SWEEP = "sweep";
  static final String EMAIL = "email";
  static final String WEBHOOK = "webhook";
  static final long SYSTEM_TENANT = 1L;

  private final InvoiceRepository invoices;
  private final ClientRepository clients;
  private final InvoiceProjectionRepository projections;
  private final NotificationRepository notifications;
  private final NotificationTemplates templates;
  private final NotificationSettings settings;
  private final TenantProfiles tenants;
  private final Clock clock;
  private final PayLinks payLinks;
  private final ObjectMapper json = new ObjectMapper();

  public NotificationRecorder(
      InvoiceRepository invoices,
      ClientRepository clients,
      InvoiceProjectionRepository projections,
      NotificationRepository notifications,
      NotificationTemplates templates,
      NotificationSettings settings,
      TenantProfiles tenants,
      Clock clock,
      PayLinks payLinks) {
    this.payLinks = payLinks;
    this.invoices = invoices;
    this.clients = clients;
    this.projections = projections;
    this.notifications = notifications;
    this.templates = templates;
    this.settings = settings;
    this.tenants = tenants;
    this.clock = clock;
  }

  public List<Long> record(InvoiceEvent event, String deliveredBy) {
    InvoiceRecord invoice = invoices.findById(event.invoiceId()).orElseThrow(
        () -> new IllegalArgumentException("no invoice " + event.invoiceId()));
    Client client = clients.findById(invoice.tenantId(), invoice.clientId()).orElseThrow();
    InvoiceState state = projections.recordedState(invoice.id()).orElse(null);
    String name = event.type().eventName();
    TenantProfiles.Delivery delivery = tenants.delivery(invoice.tenantId());
    String payUrl = payLinks.ensureUrl(invoice.id());
    // Operations read English; the client reads its own language.
    NotificationTemplates.Message message =
        templates.render(name, NoticeModel.of(invoice, client, state, event, issuer(delivery), payUrl));
    Locale clientLocale = InvoicingMessages.locale(client.language());
    NotificationTemplates.Message clientMessage =
        clientLocale.getLanguage().equals("en")
            ? message
            : templates.render(
                name, NoticeModel.of(invoice, client, state, event, issuer(delivery), payUrl, clientLocale), clientLocale);
    Map<String, NotificationTemplates.Message> recipients = new LinkedHashMap<>();
    if (message.audience().contains(NotificationTemplates.Audience.OPERATIONS)) {
      delivery.operations().forEach(address -> recipients.put(address, message));
    }
    if (message.audience().contains(NotificationTemplates.Audience.CLIENT)
        && settings.emailClients() && client.contactEmail() != null && !client.contactEmail().isBlank()) {
      recipients.put(client.contactEmail().trim(), clientMessage);
    }
    String eventKey = "invoice:" + invoice.id() + "|" + name + "|" + event.detail();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("invoice_id", invoice.id());
    data.put("invoice_number", invoice.invoiceNumber());
    data.put("client", client.name());
    data.put("status", state == null ? invoice.status().wireName() : state.status().wireName());
    data.put("amount_usd", invoice.amountUsd().toPlainString());
    data.put("currency", invoice.currency().name());
    data.put("network", invoice.network().name());
    data.put("crypto_amount", invoice.cryptoAmount() == null ? null : invoice.cryptoAmount().stripTrailingZeros().toPlainString());
    data.put("detail", event.detail());
    return recordAll(
        invoice.tenantId(), invoice.id(), eventKey, name, event.detail(), recipients, delivery.webhookUrls(), message, data,
        deliveredBy);
  }

  /** An operations alert: operations list and webhooks, once per incident key. */
  public List<Long> recordAlert(String incidentKey, String subject, String body) {
    TenantProfiles.Delivery delivery = tenants.delivery(SYSTEM_TENANT);
    NotificationTemplates.Message message =
        templates.render("operations.alert", Map.of("subject", subject, "body", body, "issuer", issuer(delivery)));
    Map<String, NotificationTemplates.Message> recipients = new LinkedHashMap<>();
    delivery.operations().forEach(address -> recipients.put(address, message));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("incident", incidentKey);
    data.put("subject", subject);
    data.put("body", body);
    return recordAll(
        SYSTEM_TENANT, null, "alert|" + incidentKey, "operations.alert", incidentKey, recipients, delivery.webhookUrls(),
        message, data, BY_SWEEP);
  }

  private List<Long> recordAll(
      long tenantId, Long invoiceId, String eventKey, String event, String detail,
      Map<String, NotificationTemplates.Message> recipients, List<String> webhookUrls,
      NotificationTemplates.Message message, Map<String, Object> data, String deliveredBy) {
    List<Long> ids = new ArrayList<>();
    for (Map.Entry<String, NotificationTemplates.Message> entry : recipients.entrySet()) {
      String recipient = entry.getKey();
      NotificationTemplates.Message mail = entry.getValue();
      String key = eventKey + "|" + EMAIL + "|" + recipient.toLowerCase(Locale.ROOT);
      ids.add(notifications.record(new NewNotification(
          tenantId, invoiceId, key, event, detail, EMAIL, recipient, deliveredBy, mail.subject(),
          mail.text(), mail.html(), null, mail.attachment(), messageId(key))));
    }
    for (String url : webhookUrls) {
      String key = eventKey + "|" + WEBHOOK + "|" + url;
      ids.add(notifications.record(new NewNotification(
          tenantId, invoiceId, key, event, detail, WEBHOOK, url, deliveredBy, message.subject(),
          message.text(), null, webhookPayload(url, eventKey, event, message, data), null, messageId(key))));
    }
    return ids;
  }

  /** Slack gets a text; anything else a JSON event whose id is the same for every receiver. */
  private String webhookPayload(
      String url, String eventKey, String event, NotificationTemplates.Message message, Map<String, Object> data) {
    Map<String, Object> payload = new LinkedHashMap<>();
    if (url.contains("hooks.slack.com")) {
      payload.put("text", "*" + message.subject() + "*\n" + message.text());
    } else {
      payload.put("id", eventId(eventKey));
      payload.put("type", event);
      payload.put("created_at", clock.instant().toString());
      payload.put("summary", message.subject());
      payload.put("data", data);
    }
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String issuer(TenantProfiles.Delivery delivery) {
    return issuer(delivery.from());
  }

  /** Who a notice is from, as its reader knows them: the sender's display name, else its address. */
  static String issuer(String from) {
    try {
      InternetAddress sender = new InternetAddress(from, false);
      String name = sender.getPersonal();
      return name != null && !name.isBlank() ? name.trim() : sender.getAddress();
    } catch (AddressException e) {
      // Not a mailbox the sender could use either; name it as written rather than fail the notice.
      return from.replace("\"", "").trim();
    }
  }

  static String eventId(String eventKey) {
    return "evt_" + Sha256.hex(eventKey).substring(0, 32);
  }

  /** Stable per intent: a resend after a crash carries the same Message-ID, so receivers dedupe. */
  private String messageId(String key) {
    return "<" + Sha256.hex(key).substring(0, 40) + "@" + settings.messageIdDomain() + ">";
  }
}
