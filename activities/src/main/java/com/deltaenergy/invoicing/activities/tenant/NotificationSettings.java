package com.deltaenergy.invoicing.activities.tenant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told what, and how: SMTP_* for mail, NOTIFY_EMAILS for the operations list, WEBHOOK_URL
 * and WEBHOOK_SECRET for chat and event receivers.
 *
 * @param operations the operations list; gets every notice and all operations alerts
 * @param emailClients whether clients' contact e-mails get their invoices' notices
 * @param webhookUrls Slack-compatible URLs (hooks.slack.com) get a text; others a signed JSON event
 * @param outboxDirectory every mail sent is also written here as an .eml file (none: not kept)
 */
@ConfigurationProperties("invoicing.notifications")
public record NotificationSettings(
    @DefaultValue("Delta Mining Paraguay S.A. <billing@deltaenergy.com>") String from,
    @DefaultValue({"aldo@deltaenergy.com", "tiago@deltaenergy.com"}) List<String> operations,
    @DefaultValue("true") boolean emailClients,
    @DefaultValue("") List<String> webhookUrls,
    @DefaultValue("") String webhookSecret,
    Path outboxDirectory,
    @DefaultValue("invoicing.deltaenergy.com") String messageIdDomain,
    @DefaultValue("http://localhost:5002") String publicBaseUrl,
    @DefaultValue Smtp smtp) {

  /** The mail server. With a username, the client authenticates. */
  public record Smtp(
      @DefaultValue("localhost") String host,
      @DefaultValue("25") int port,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("false") boolean starttls,
      @DefaultValue("false") boolean ssl,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("30s") Duration timeout) {

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", starttls=" + starttls
          + ", ssl=" + ssl + "]";
    }
  }

  @Override
  public String toString() {
    return "NotificationSettings[from=" + from + ", operations=" + operations + ", webhooks="
        + webhookUrls.size() + ", smtp=" + smtp + "]";
  }

  public List<String> webhooks() {
    return webhookUrls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
  }
}
