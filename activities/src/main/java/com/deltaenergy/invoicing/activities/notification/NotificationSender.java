package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.activities.tenant.NotificationSettings;
import com.deltaenergy.invoicing.activities.tenant.TenantProfiles;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository.Notification;
import com.deltaenergy.invoicing.persistence.outbound.OutboundTargets;
import com.deltaenergy.invoicing.persistence.outbound.RefusedTargetException;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one recorded notification, at most once at a time and never after it was marked sent: it
 * is claimed under a lease, sent (e-mail with its fixed Message-ID, or a signed webhook call), and
 * marked sent. A crash between sending and marking can repeat a send; the repeat carries the same
 * Message-ID / event id, so the receiving side can tell.
 */
@Component
public class NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  static final String SIGNATURE_HEADER = "X-Invoicing-Signature";
  static final String EVENT_ID_HEADER = "X-Invoicing-Event-Id";
  static final String EVENT_HEADER = "X-Invoicing-Event";
  private static final MediaType JSON = MediaType.get("application/json");
  /** Longer than one attempt may take: another sender waits rather than sending alongside. */
  private static final Duration LEASE = Duration.ofSeconds(90);
  /** Of a refusing webhook's answer, this much is kept with the notification. */
  private static final long MAX_RESPONSE_KEPT = 1024;

  /** Why a delivery did not happen; {@code retryable} false means the recipient refused for good. */
  public static class DeliveryException extends RuntimeException {
    private final boolean retryable;

    DeliveryException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final NotificationRepository notifications;
  private final InvoiceRepository invoices;
  private final JavaMailSender mail;
  private final OkHttpClient webhookHttpClient;
  private final NotificationSettings settings;
  private final TenantProfiles tenants;
  private final Map<PinnedSmtp, JavaMailSender> tenantMailSenders = new ConcurrentHashMap<>();
  private final OutboundTargets targets;
  private final Clock clock;

  public NotificationSender(
      NotificationRepository notifications,
      InvoiceRepository invoices,
      JavaMailSender mail,
      OkHttpClient webhookHttpClient,
      NotificationSettings settings,
      TenantProfiles tenants,
      OutboundTargets targets,
      Clock clock) {
    this.targets = targets;
    this.notifications = notifications;
    this.invoices = invoices;
    this.mail = mail;
    this.webhookHttpClient = webhookHttpClient;
    this.settings = settings;
    this.tenants = tenants;
    this.clock = clock;
  }

  /**
   * Delivers the notification unless it was delivered already. Throws {@link DeliveryException}
   * when it could not (the row says why and when to try again).
   */
  public void deliver(long id, Duration retryAfter) {
    Optional<Notification> claimed = notifications.claim(id, LEASE);
    if (claimed.isEmpty()) {
      Notification current = notifications.find(id).orElseThrow(() -> new DeliveryException("no notification " + id, false, null));
      if (current.status().equals("sent") || current.status().equals("failed")) {
        return;
      }
      throw new DeliveryException("notification " + id + " is being sent by another worker", true, null);
    }
    Notification notification = claimed.get();
    MimeMessage mailed = null;
    try {
      if (notification.channel().equals(NotificationRecorder.EMAIL)) {
        mailed = sendEmail(notification);
      } else {
        callWebhook(notification);
      }
      // Recorded the moment the server accepted it: the window in which a crash re-sends is as
      // short as it can be (a sender cannot tell a cut-off acceptance from a lost one).
      notifications.markSent(id, clock.instant());
    } catch (DeliveryException e) {
      if (e.retryable()) {
        notifications.markRetry(id, e.getMessage(), clock.instant().plus(retryAfter));
      } else {
        notifications.markFailed(id, e.getMessage());
      }
      throw e;
    } catch (RuntimeException e) {
      // Whatever went wrong, the lease is given back so the next attempt is not held up by it.
      notifications.markRetry(id, rootMessage(e), clock.instant().plus(retryAfter));
      throw new DeliveryException("unexpected: " + rootMessage(e), true, e);
    }
    if (mailed != null) {
      keepCopy(mailed, notification);
    }
  }

  /** Sends the mail; returns it as sent, for the outbox copy. */
  private MimeMessage sendEmail(Notification n) {
    TenantProfiles.Delivery delivery = tenants.delivery(n.tenantId());
    JavaMailSender mail = mailSender(delivery);
    try {
      MimeMessage message = new FixedIdMimeMessage(mail.createMimeMessage().getSession(), n.messageId());
      // Multipart always: every mail carries a plain-text and an HTML body.
      MimeMessageHelper helper = new SharedFileTypesMessageHelper(message, true, "UTF-8");
      helper.setFrom(InternetAddress.parse(delivery.from())[0]);
      helper.setTo(n.recipient());
      helper.setSubject(n.subject());
      helper.setText(n.bodyText(), n.bodyHtml());
      if (n.attachment() != null) {
        attach(helper, n);
      }
      mail.send(message);
      return message;
    } catch (MailSendException e) {
      boolean onlyBadAddresses =
          e.getFailedMessages().values().stream().allMatch(f -> f instanceof SendFailedException s
              && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0);
      throw new DeliveryException("SMTP: " + rootMessage(e), !onlyBadAddresses || e.getFailedMessages().isEmpty(), e);
    } catch (MailException | MessagingException e) {
      throw new DeliveryException("SMTP: " + rootMessage(e), true, e);
    }
  }

  /** A tenant's SMTP server at one checked address. */
  private record PinnedSmtp(NotificationSettings.Smtp smtp, InetAddress address) {}

  /**
   * The tenant's own SMTP server when it has one, checked now and reached at the address checked;
   * one client per distinct server settings and address. The environment's server is the
   * operator's and is not checked.
   */
  private JavaMailSender mailSender(TenantProfiles.Delivery delivery) {
    if (!delivery.ownSmtp()) {
      return mail;
    }
    InetAddress address = checked(delivery.smtp().host(), "SMTP server").get(0);
    return tenantMailSenders.computeIfAbsent(
        new PinnedSmtp(delivery.smtp(), address), pinned -> NotificationConfiguration.mailSender(pinned.smtp(), pinned.address()));
  }

  /**
   * The addresses of a host a tenant named, fit to connect to. A refused one fails the delivery
   * for good, with the reason and without a connection attempt; one that does not resolve is tried
   * again later.
   */
  private List<InetAddress> checked(String host, String what) {
    try {
      return targets.check(host);
    } catch (RefusedTargetException e) {
      throw new DeliveryException(what + " refused: " + e.getMessage(), false, null);
    } catch (UnknownHostException e) {
      throw new DeliveryException(what + " " + host + " does not resolve: " + e.getMessage(), true, e);
    }
  }

  private void attach(MimeMessageHelper helper, Notification n) throws MessagingException {
    InvoiceRecord invoice = invoices.findById(n.invoiceId()).orElseThrow();
    boolean receipt = n.attachment().equals("receipt");
    String path = receipt ? invoice.progress().receiptPath() : invoice.progress().pdfPath();
    if (path == null || !Files.isReadable(Path.of(path))) {
      // The document is rendered before the event is told; missing means not yet visible here.
      throw new DeliveryException("the " + n.attachment() + " PDF of " + invoice.invoiceNumber() + " is not available yet", true, null);
    }
    helper.addAttachment(invoice.invoiceNumber() + (receipt ? "-paid" : "") + ".pdf", new FileSystemResource(path), "application/pdf");
  }

  /** The embedded default keeps every mail it sends as an .eml file a new user can open. */
  private void keepCopy(MimeMessage message, Notification n) {
    Path outbox = settings.outboxDirectory();
    if (outbox == null || outbox.toString().isBlank()) {
      return;
    }
    String name = clock.instant().toString().replace(':', '-') + "-" + n.id() + "-" + n.event().replace('.', '-') + ".eml";
    try {
      Files.createDirectories(outbox);
      // Buffered: MimeMessage writes line by line, a system call each without a buffer (a
      // profile of a 1,000-row import found these writes costing more than sending the mail).
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(outbox.resolve(name)), 64 * 1024)) {
        message.writeTo(out);
      }
    } catch (IOException | MessagingException | RuntimeException e) {
      log.warn("Mail {} was sent but its copy could not be written to {}: {}", n.messageId(), outbox, e.toString());
    }
  }

  private void callWebhook(Notification n) {
    byte[] body = n.payload().getBytes(StandardCharsets.UTF_8);
    Secret secret = tenants.delivery(n.tenantId()).webhookSecret();
    Request.Builder builder =
        new Request.Builder()
            .url(n.recipient())
            .header(EVENT_ID_HEADER, NotificationRecorder.eventId(n.idempotencyKey().substring(0, n.idempotencyKey().indexOf("|" + NotificationRecorder.WEBHOOK + "|"))))
            .header(EVENT_HEADER, n.event())
            .post(RequestBody.create(body, JSON));
    if (secret != null) {
      // Without a secret there is nothing to sign with: no signature rather than a meaningless one.
      builder.header(SIGNATURE_HEADER, "sha256=" + sign(body, secret));
    }
    Request request = builder.build();
    try (Response response = webhookClient(n.tenantId(), request.url()).newCall(request).execute()) {
      int status = response.code();
      if (response.isSuccessful()) {
        return;
      }
      boolean retryable = status == 408 || status == 429 || status >= 500;
      throw new DeliveryException("webhook answered HTTP " + status + excerpt(response), retryable, null);
    } catch (IOException e) {
      throw new DeliveryException("webhook unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
    }
  }

  /**
   * The client for this URL. The environment's own webhooks (the operator's) are called as they
   * are; a tenant's URL is checked now, and the call goes to the checked addresses only (an IP
   * literal is its own address), directly (no proxy resolving the name again).
   */
  private OkHttpClient webhookClient(long tenantId, HttpUrl url) {
    if (settings.webhooks().stream().map(HttpUrl::parse).anyMatch(url::equals)) {
      return webhookHttpClient;
    }
    String host = url.host();
    List<InetAddress> addresses = checked(host, "webhook");
    return webhookHttpClient.newBuilder()
        .proxy(Proxy.NO_PROXY)
        .dns(
            name -> {
              if (name.equalsIgnoreCase(host)) {
                return addresses;
              }
              throw new UnknownHostException(name + " was not checked for tenant " + tenantId);
            })
        .build();
  }

  /** At most 1 KB of what the receiver said, on one line, for the notification's record. */
  private static String excerpt(Response response) {
    try {
      String body = response.peekBody(MAX_RESPONSE_KEPT).string().replaceAll("\\p{Cntrl}+", " ").strip();
      return body.isEmpty() ? "" : ": " + body;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** HMAC-SHA256 of the exact body with WEBHOOK_SECRET, hex: receivers verify before trusting. */
  private static String sign(byte[] body, Secret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Jakarta Mail assigns a fresh Message-ID on every save; this keeps the recorded one. */
  static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

}
