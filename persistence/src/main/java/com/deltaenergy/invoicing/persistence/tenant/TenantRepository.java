package com.deltaenergy.invoicing.persistence.tenant;

import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.secret.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants and their settings. Secrets are encrypted here on the way in and decrypted only by
 * {@link #credentials}; each is bound to its tenant and column (see {@link SecretCipher}).
 */
@Repository
public class TenantRepository {

  private static final Logger log = LoggerFactory.getLogger(TenantRepository.class);

  private static final String COLUMNS =
      """
      id, slug, name, invoice_prefix, time_zone, issuer_address, issuer_tax_id, issuer_email,
      logo_image IS NOT NULL AS logo_set, brand_color, mexc_api_key, mexc_api_secret_enc IS NOT NULL AS mexc_secret_set,
      smtp_host, smtp_port, smtp_username, smtp_password_enc IS NOT NULL AS smtp_password_set,
      smtp_from, smtp_starttls, smtp_ssl, operations_emails, webhook_urls,
      webhook_secret_enc IS NOT NULL AS webhook_secret_set, dunning_offsets_days
      """;

  /** The three secret columns, as named in the ciphertext's context. */
  private static final List<String> SECRET_COLUMNS =
      List.of("mexc_api_secret_enc", "smtp_password_enc", "webhook_secret_enc");

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  public TenantRepository(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  public Optional<Tenant> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE id = ?").param(id).query(this::tenant).optional();
  }

  public List<Tenant> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM tenants ORDER BY id").query(this::tenant).list();
  }

  /** Creates a tenant with the environment's settings; returns it. */
  public Tenant create(String slug, String name, String invoicePrefix, ZoneId timeZone) {
    long id =
        jdbc.sql(
                """
                INSERT INTO tenants (slug, name, invoice_prefix, time_zone)
                VALUES (?, ?, ?, ?) RETURNING id
                """)
            .params(slug, name, invoicePrefix, timeZone.getId())
            .query(Long.class)
            .single();
    return findById(id).orElseThrow();
  }

  /** Applies the changes; secrets are encrypted for this tenant. Empty if there is no such tenant. */
  @Transactional
  public Optional<Tenant> update(long id, TenantChanges changes) {
    Map<String, Object> set = new LinkedHashMap<>();
    text(set, "name", changes.name());
    text(set, "time_zone", changes.timeZone());
    text(set, "issuer_address", changes.issuerAddress());
    text(set, "issuer_tax_id", changes.issuerTaxId());
    text(set, "issuer_email", changes.issuerEmail());
    text(set, "brand_color", changes.brandColor());
    text(set, "mexc_api_key", changes.mexcApiKey());
    secret(set, id, "mexc_api_secret_enc", changes.mexcApiSecret());
    text(set, "smtp_host", changes.smtpHost());
    if (changes.smtpPort() != null) {
      set.put("smtp_port", changes.smtpPort() == 0 ? null : changes.smtpPort());
    }
    text(set, "smtp_username", changes.smtpUsername());
    secret(set, id, "smtp_password_enc", changes.smtpPassword());
    text(set, "smtp_from", changes.smtpFrom());
    if (changes.smtpStarttls() != null) {
      set.put("smtp_starttls", changes.smtpStarttls());
    }
    if (changes.smtpSsl() != null) {
      set.put("smtp_ssl", changes.smtpSsl());
    }
    list(set, "operations_emails", changes.operationsEmails());
    list(set, "webhook_urls", changes.webhookUrls());
    secret(set, id, "webhook_secret_enc", changes.webhookSecret());
    list(set, "dunning_offsets_days", changes.dunningOffsetsDays());
    if (!set.isEmpty()) {
      StringBuilder sql = new StringBuilder("UPDATE tenants SET updated_at = now()");
      List<Object> params = new ArrayList<>();
      set.forEach(
          (column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            params.add(value);
          });
      sql.append(" WHERE id = ?");
      params.add(id);
      jdbc.sql(sql.toString()).params(params).update();
    }
    return findById(id);
  }

  /**
   * The tenant's uploaded logo, ready to embed (PDF, e-mail, web page); empty when it has none.
   * The default tenant's ISSUER_LOGO file is not here: it is the operator's, read by the worker.
   */
  public Optional<TenantLogo> logo(long tenantId) {
    return jdbc.sql("SELECT logo_image, logo_media_type FROM tenants WHERE id = ? AND logo_image IS NOT NULL")
        .param(tenantId)
        .query((rs, n) -> new TenantLogo(rs.getBytes("logo_image"), rs.getString("logo_media_type")))
        .optional();
  }

  /** Stores (or replaces) the tenant's logo; false if there is no such tenant. */
  public boolean storeLogo(long tenantId, TenantLogo logo) {
    return jdbc.sql("UPDATE tenants SET logo_image = ?, logo_media_type = ?, updated_at = now() WHERE id = ?")
            .params(logo.image(), logo.mediaType(), tenantId)
            .update()
        == 1;
  }

  /** Removes the tenant's logo; false if there is no such tenant. */
  public boolean deleteLogo(long tenantId) {
    return jdbc.sql("UPDATE tenants SET logo_image = NULL, logo_media_type = NULL, updated_at = now() WHERE id = ?")
            .param(tenantId)
            .update()
        == 1;
  }

  /** The tenant's decrypted secrets; each null where the tenant uses the environment's. */
  public Optional<TenantCredentials> credentials(long id) {
    return jdbc.sql(
            """
            SELECT mexc_api_key, mexc_api_secret_enc, smtp_password_enc, webhook_secret_enc
            FROM tenants WHERE id = ?
            """)
        .param(id)
        .query(
            (rs, n) ->
                new TenantCredentials(
                    id,
                    rs.getString("mexc_api_key"),
                    open(id, "mexc_api_secret_enc", rs.getString("mexc_api_secret_enc")),
                    open(id, "smtp_password_enc", rs.getString("smtp_password_enc")),
                    open(id, "webhook_secret_enc", rs.getString("webhook_secret_enc"))))
        .optional();
  }

  /**
   * Re-encrypts every secret stored under a previous key with the current one (key rotation); a
   * value changed meanwhile by someone else is left for the next run. Returns how many it rewrote.
   */
  public int reencryptUnderCurrentKey() {
    if (!cipher.canEncrypt()) {
      return 0;
    }
    int rewritten = 0;
    for (String column : SECRET_COLUMNS) {
      List<Map.Entry<Long, String>> stored =
          jdbc.sql("SELECT id, " + column + " AS value FROM tenants WHERE " + column + " IS NOT NULL")
              .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("value")))
              .list();
      for (Map.Entry<Long, String> value : stored) {
        if (cipher.needsReencryption(value.getValue())) {
          Secret secret;
          try {
            secret = cipher.decrypt(value.getValue(), context(value.getKey(), column));
          } catch (SecretCipher.EncryptionUnavailableException e) {
            // One unreadable value must not stop the rotation of the others (nor a start-up).
            log.error("Tenant {} {}: {}", value.getKey(), column, e.getMessage());
            continue;
          }
          rewritten +=
              jdbc.sql("UPDATE tenants SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                  .params(cipher.encrypt(secret, context(value.getKey(), column)), value.getKey(), value.getValue())
                  .update();
        }
      }
    }
    return rewritten;
  }

  private Secret open(long id, String column, String stored) {
    return stored == null ? null : cipher.decrypt(stored, context(id, column));
  }

  private void secret(Map<String, Object> set, long id, String column, Secret secret) {
    if (secret != null) {
      set.put(column, secret.reveal().isEmpty() ? null : cipher.encrypt(secret, context(id, column)));
    }
  }

  private static void text(Map<String, Object> set, String column, String value) {
    if (value != null) {
      set.put(column, value.isBlank() ? null : value.strip());
    }
  }

  private static void list(Map<String, Object> set, String column, List<?> values) {
    if (values != null) {
      set.put(column, values.isEmpty() ? null : String.join(",", values.stream().map(String::valueOf).toList()));
    }
  }

  /** Where a secret lives: bound into its ciphertext, so it decrypts nowhere else. */
  static String context(long tenantId, String column) {
    return "tenants." + column + "#" + tenantId;
  }

  private Tenant tenant(ResultSet rs, int rowNum) throws SQLException {
    Integer port = rs.getObject("smtp_port", Integer.class);
    return new Tenant(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("invoice_prefix"),
        ZoneId.of(rs.getString("time_zone")),
        new TenantSettings(
            rs.getString("issuer_address"),
            rs.getString("issuer_tax_id"),
            rs.getString("issuer_email"),
            rs.getBoolean("logo_set"),
            rs.getString("brand_color"),
            rs.getString("mexc_api_key"),
            rs.getBoolean("mexc_secret_set"),
            rs.getString("smtp_host"),
            port,
            rs.getString("smtp_username"),
            rs.getBoolean("smtp_password_set"),
            rs.getString("smtp_from"),
            rs.getObject("smtp_starttls", Boolean.class),
            rs.getObject("smtp_ssl", Boolean.class),
            split(rs.getString("operations_emails")),
            split(rs.getString("webhook_urls")),
            rs.getBoolean("webhook_secret_set"),
            offsets(rs.getString("dunning_offsets_days"))));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Integer> offsets(String joined) {
    return joined == null || joined.isBlank() ? null : split(joined).stream().map(Integer::valueOf).toList();
  }
}
