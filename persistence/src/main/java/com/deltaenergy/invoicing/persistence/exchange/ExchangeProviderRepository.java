package com.deltaenergy.invoicing.persistence.exchange;

import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.secret.SecretCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which exchange accounts a tenant issues on, in order, with their credentials (the secret
 * encrypted, bound to its row); which provider issued each invoice; and every failover switch.
 */
@Repository
public class ExchangeProviderRepository {

  /** One entry of a tenant's ordered list. */
  public record ConfiguredProvider(int position, String provider, String apiKey, Secret apiSecret) {

    @Override
    public String toString() {
      return "ConfiguredProvider[" + position + ", " + provider + "]";
    }
  }

  /** A recorded switch of issuing from one provider to another. */
  public record Switch(long id, long tenantId, String fromProvider, String toProvider, String reason, Instant switchedAt) {}

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  public ExchangeProviderRepository(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** The tenant's list, first choice first; empty when the tenant uses the environment's. */
  public List<ConfiguredProvider> forTenant(long tenantId) {
    return jdbc.sql(
            "SELECT position, provider, api_key, api_secret FROM tenant_exchange_providers WHERE tenant_id = ? ORDER BY position")
        .param(tenantId)
        .query(
            (rs, n) ->
                new ConfiguredProvider(
                    rs.getInt("position"), rs.getString("provider"), rs.getString("api_key"),
                    cipher.decrypt(rs.getString("api_secret"), context(tenantId, rs.getString("provider")))))
        .list();
  }

  /** Replaces the tenant's list (an empty list returns it to the environment's). */
  @Transactional
  public void replace(long tenantId, List<ConfiguredProvider> providers) {
    jdbc.sql("DELETE FROM tenant_exchange_providers WHERE tenant_id = ?").param(tenantId).update();
    for (ConfiguredProvider provider : providers) {
      jdbc.sql(
              """
              INSERT INTO tenant_exchange_providers (tenant_id, position, provider, api_key, api_secret)
              VALUES (?, ?, ?, ?, ?)
              """)
          .params(tenantId, provider.position(), provider.provider(), provider.apiKey(),
              cipher.encrypt(provider.apiSecret(), context(tenantId, provider.provider())))
          .update();
    }
  }

  /** Records the provider that issued the invoice's address. */
  public void issuedBy(long invoiceId, String provider) {
    jdbc.sql("UPDATE invoices SET exchange_provider = ? WHERE id = ?").params(provider, invoiceId).update();
  }

  /** The provider each invoice was issued on (absent: before providers were recorded). */
  public Map<Long, String> issuers(Collection<Long> invoiceIds) {
    Map<Long, String> issuers = new HashMap<>();
    if (invoiceIds.isEmpty()) {
      return issuers;
    }
    jdbc.sql("SELECT id, exchange_provider FROM invoices WHERE id IN (:ids) AND exchange_provider IS NOT NULL")
        .param("ids", invoiceIds)
        .query((rs, n) -> issuers.put(rs.getLong(1), rs.getString(2)))
        .list();
    return issuers;
  }

  /** Records a switch once per key; true the first time. */
  public boolean recordSwitch(String key, long tenantId, String from, String to, String reason, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO exchange_provider_switches (switch_key, tenant_id, from_provider, to_provider, reason, switched_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (switch_key) DO NOTHING
                """)
            .params(key, tenantId, from, to, reason, Timestamp.from(at))
            .update()
        == 1;
  }

  public List<Switch> switches(long tenantId) {
    return jdbc.sql(
            "SELECT id, tenant_id, from_provider, to_provider, reason, switched_at FROM exchange_provider_switches WHERE tenant_id = ? ORDER BY id")
        .param(tenantId)
        .query((rs, n) -> new Switch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** Every switch so far: the Prometheus counter. */
  public long switchCount() {
    return jdbc.sql("SELECT count(*) FROM exchange_provider_switches").query(Long.class).single();
  }

  private static String context(long tenantId, String provider) {
    return "tenant_exchange_providers." + provider + "#" + tenantId;
  }
}
