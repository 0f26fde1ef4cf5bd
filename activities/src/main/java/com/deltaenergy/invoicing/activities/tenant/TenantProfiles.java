package com.deltaenergy.invoicing.activities.tenant;

import com.deltaenergy.invoicing.activities.support.ClockTicker;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantCredentials;
import com.deltaenergy.invoicing.persistence.tenant.TenantLogo;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.persistence.tenant.TenantSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a tenant's documents and notices look like and where they go: the tenant's own settings,
 * and the environment's where it has none. The default tenant is the environment's company, so
 * with no settings stored the embedded default behaves exactly as configured. Other tenants get
 * their own webhooks only (the environment's belong to the default tenant); their notices still
 * reach the environment's operations list unless they name their own.
 *
 * <p>Profiles are cached briefly so a settings change reaches the workers within {@link #TTL}.
 */
@Component
public class TenantProfiles {

  static final Duration TTL = Duration.ofSeconds(30);

  /** The issuer block of a tenant's PDFs; its logo is {@link #logo}. */
  public record Issuer(String name, List<String> address, String taxId, String email, String terms, String brandColor) {}

  /** How a tenant's notices are sent. {@code smtp} is the environment's server unless the tenant has its own. */
  public record Delivery(
      String from,
      List<String> operations,
      List<String> webhookUrls,
      Secret webhookSecret,
      NotificationSettings.Smtp smtp,
      boolean ownSmtp) {}

  /** Both, resolved together from one read of the tenant. */
  public record Profile(long tenantId, Issuer issuer, Delivery delivery) {}

  private final TenantRepository tenants;
  private final DocumentSettings documents;
  private final NotificationSettings notifications;
  private final Cache<Long, Profile> cache;
  private final Map<Path, byte[]> operatorLogos = new ConcurrentHashMap<>();

  public TenantProfiles(
      TenantRepository tenants, DocumentSettings documents, NotificationSettings notifications, Clock clock) {
    this.tenants = tenants;
    this.documents = documents;
    this.notifications = notifications;
    this.cache =
        Caffeine.newBuilder().ticker(ClockTicker.of(clock)).executor(Runnable::run).expireAfterWrite(TTL).build();
  }

  public Profile of(long tenantId) {
    return cache.get(tenantId, this::load);
  }

  public Issuer issuer(long tenantId) {
    return of(tenantId).issuer();
  }

  public Delivery delivery(long tenantId) {
    return of(tenantId).delivery();
  }

  /**
   * The logo for a tenant's documents: the one it uploaded; for the default tenant without one,
   * the operator's ISSUER_LOGO file. Another tenant never gets the operator's logo, and no tenant
   * names a file. Read on each call (one row), so a new upload shows on the next document. An
   * unreadable ISSUER_LOGO fails the call (a render is retried) rather than print no logo.
   */
  public Optional<byte[]> logo(long tenantId) {
    Optional<TenantLogo> uploaded = tenants.logo(tenantId);
    if (uploaded.isPresent()) {
      return Optional.of(uploaded.get().image());
    }
    Path operatorLogo = documents.issuerLogo();
    if (tenantId != Tenant.DEFAULT_TENANT_ID || operatorLogo == null || operatorLogo.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        operatorLogos.computeIfAbsent(
            operatorLogo,
            file -> {
              try {
                return Files.readAllBytes(file);
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read the issuer logo " + file, e);
              }
            }).clone());
  }

  private Profile load(long tenantId) {
    Tenant tenant =
        tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
    TenantSettings s = tenant.settings();
    TenantCredentials credentials = tenants.credentials(tenantId).orElseThrow();
    Issuer issuer =
        new Issuer(
            tenant.isDefault() ? documents.issuerName() : tenant.name(),
            s.issuerAddress() == null ? documents.issuerAddress() : lines(s.issuerAddress()),
            or(s.issuerTaxId(), documents.issuerTaxId()),
            or(s.issuerEmail(), documents.issuerEmail()),
            documents.terms(),
            s.brandColor() == null || !s.brandColor().matches("#[0-9A-Fa-f]{6}") ? null : s.brandColor());
    return new Profile(tenantId, issuer, delivery(tenant, s, credentials));
  }

  private Delivery delivery(Tenant tenant, TenantSettings s, TenantCredentials credentials) {
    NotificationSettings.Smtp env = notifications.smtp();
    boolean ownSmtp = s.smtpHost() != null && !s.smtpHost().isBlank();
    NotificationSettings.Smtp smtp =
        ownSmtp
            ? new NotificationSettings.Smtp(
                s.smtpHost(),
                s.smtpPort() == null ? 587 : s.smtpPort(),
                or(s.smtpUsername(), ""),
                credentials.smtpPassword() == null ? "" : credentials.smtpPassword().reveal(),
                s.smtpStarttls() == null || s.smtpStarttls(),
                s.smtpSsl() != null && s.smtpSsl(),
                env.connectTimeout(),
                env.timeout())
            : env;
    String from = s.smtpFrom() != null ? s.smtpFrom() : tenant.isDefault() ? notifications.from() : defaultFrom(tenant, s);
    List<String> operations = s.operationsEmails().isEmpty() ? notifications.operations() : s.operationsEmails();
    List<String> webhooks =
        !s.webhookUrls().isEmpty() ? s.webhookUrls() : tenant.isDefault() ? notifications.webhooks() : List.of();
    Secret secret =
        credentials.webhookSecret() != null
            ? credentials.webhookSecret()
            : tenant.isDefault() ? Secret.ofNullable(notifications.webhookSecret()) : null;
    return new Delivery(
        from,
        operations.stream().map(String::trim).filter(e -> !e.isEmpty()).toList(),
        webhooks.stream().map(String::trim).filter(u -> !u.isEmpty()).toList(),
        secret,
        smtp,
        ownSmtp);
  }

  /** Another tenant's mail says who it is from, at the address the environment's server may send as. */
  private String defaultFrom(Tenant tenant, TenantSettings s) {
    return defaultFrom(tenant.name(), s.issuerEmail(), notifications.from());
  }

  /**
   * The tenant's name as the display name, at its issuer e-mail or else at the address part of the
   * environment's sender ({@code "Name" <address>} or a bare address).
   */
  static String defaultFrom(String tenantName, String issuerEmail, String environmentFrom) {
    String address = issuerEmail != null ? issuerEmail : addressOf(environmentFrom);
    // The name is written quoted, as before; a quote inside it would end the quoted string.
    return "\"" + tenantName.replace("\"", "") + "\" <" + address + ">";
  }

  private static String addressOf(String mailbox) {
    try {
      return new InternetAddress(mailbox, false).getAddress();
    } catch (AddressException e) {
      // Not parseable: use it as written, and let the mail server judge it.
      return mailbox.trim();
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
  }
}
