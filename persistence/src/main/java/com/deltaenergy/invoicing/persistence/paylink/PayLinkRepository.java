package com.deltaenergy.invoicing.persistence.paylink;

import com.deltaenergy.invoicing.persistence.support.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payer's link token of each invoice. A token is 128 random bits (Base64url, 22 characters);
 * requests find their invoice by the token's SHA-256, never by the token itself.
 */
@Repository
public class PayLinkRepository {

  /** 16 bytes: 128 bits, the floor the pay page's threat model asks for. */
  private static final int TOKEN_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  public PayLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The invoice's token, created on first use. Concurrent callers (the API creating the invoice, a
   * worker rendering its PDF) agree on one: the primary key lets only the first insert win.
   */
  @Transactional
  public String ensure(long invoiceId) {
    String token = newToken();
    jdbc.sql(
            """
            INSERT INTO invoice_pay_links (invoice_id, tenant_id, token, token_hash)
            SELECT id, tenant_id, :token, :hash FROM invoices WHERE id = :invoice
            ON CONFLICT (invoice_id) DO NOTHING
            """)
        .param("invoice", invoiceId)
        .param("token", token)
        .param("hash", hash(token))
        .update();
    return tokenOf(invoiceId).orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
  }

  public Optional<String> tokenOf(long invoiceId) {
    return jdbc.sql("SELECT token FROM invoice_pay_links WHERE invoice_id = ?")
        .param(invoiceId)
        .query(String.class)
        .optional();
  }

  /**
   * Replaces the tenant's invoice's token with a new one; the old link stops working at once.
   * Empty when the tenant has no such invoice.
   */
  @Transactional
  public Optional<String> regenerate(long tenantId, long invoiceId) {
    boolean exists =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM invoices WHERE tenant_id = ? AND id = ?)")
            .params(tenantId, invoiceId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      return Optional.empty();
    }
    ensure(invoiceId);
    String token = newToken();
    jdbc.sql(
            """
            UPDATE invoice_pay_links SET token = :token, token_hash = :hash, regenerated_at = now()
             WHERE invoice_id = :invoice AND tenant_id = :tenant
            """)
        .param("token", token)
        .param("hash", hash(token))
        .param("invoice", invoiceId)
        .param("tenant", tenantId)
        .update();
    return Optional.of(token);
  }

  /** The invoice a presented token opens, if any; looked up by the token's hash. */
  public Optional<Long> invoiceIdOf(String presentedToken) {
    if (presentedToken == null || presentedToken.isEmpty() || presentedToken.length() > 64) {
      // Hashed anyway, so a malformed token costs what a well-formed unknown one does.
      hash(presentedToken == null ? "" : presentedToken);
      return Optional.empty();
    }
    return jdbc.sql("SELECT invoice_id FROM invoice_pay_links WHERE token_hash = ?")
        .param(hash(presentedToken))
        .query(Long.class)
        .optional();
  }

  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }
}
