package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository.ConfiguredProvider;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import com.deltaenergy.invoicing.persistence.tenant.TenantCredentials;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The exchange account each tenant's invoices are paid into: the tenant's own MEXC key when it has
 * one, else the environment's. Each account has its own deposit snapshots, so the scanner makes
 * one history call per account and coin per cycle; tenants on the same key share an account.
 */
public class ExchangeAccounts {

  /** One exchange account: where addresses come from and whose deposit history is read. */
  public record Account(String id, ExchangeProvider exchange, DepositSnapshots snapshots) {}

  /** Builds a provider for a key and secret (MEXC in production, the sandbox in the embedded default). */
  public interface Connector extends BiFunction<String, String, ExchangeProvider> {}

  private static final Duration CREDENTIALS_TTL = Duration.ofSeconds(30);

  private record CachedKey(String accountKey, Instant readAt) {}

  private final Account environment;
  private final TenantRepository tenants;
  private final Connector connector;
  private final Function<ExchangeProvider, DepositSnapshots> snapshots;
  private final Clock clock;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<Long, CachedKey> tenantKeys = new ConcurrentHashMap<>();
  /** The environment's further providers after its MEXC account (e.g. Binance), in order. */
  private final List<Account> environmentFallbacks = new ArrayList<>();
  private ExchangeProviderRepository providerLists;
  /** Builds a provider by name ("mexc", "binance") for a tenant's own credentials. */
  private Map<String, Connector> connectors = Map.of();
  private record CachedList(List<Account> accounts, Instant readAt) {}
  private final Map<Long, CachedList> tenantLists = new ConcurrentHashMap<>();

  public ExchangeAccounts(
      ExchangeProvider environmentExchange,
      DepositSnapshots environmentSnapshots,
      String environmentApiKey,
      TenantRepository tenants,
      Connector connector,
      Function<ExchangeProvider, DepositSnapshots> snapshots,
      Clock clock) {
    this.environment = new Account(accountId(environmentApiKey), environmentExchange, environmentSnapshots);
    this.tenants = tenants;
    this.connector = connector;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /** Every tenant on one account: for tests and tools that have no tenants. */
  public static ExchangeAccounts single(ExchangeProvider exchange, DepositSnapshots snapshots) {
    return new ExchangeAccounts(exchange, snapshots, "", null, null, null, Clock.systemUTC());
  }

  public Account environment() {
    return environment;
  }

  /**
   * Adds the environment's further providers (tried in order after its MEXC account) and where
   * tenants' own ordered lists are read from.
   */
  public ExchangeAccounts withProviders(
      List<ExchangeProvider> fallbacks, ExchangeProviderRepository providerLists, Map<String, Connector> connectors) {
    for (ExchangeProvider fallback : fallbacks) {
      environmentFallbacks.add(new Account(fallback.name().toLowerCase(Locale.ROOT) + ":environment", fallback, snapshots.apply(fallback)));
    }
    this.providerLists = providerLists;
    this.connectors = connectors;
    return this;
  }

  /** The environment's accounts, first choice first: what the periodic health check looks at. */
  public List<Account> environmentAccounts() {
    List<Account> all = new ArrayList<>();
    all.add(environment);
    all.addAll(environmentFallbacks);
    return all;
  }

  /**
   * Where the tenant's new invoices take their address, first choice first: its own list when it
   * has one, else its MEXC account (its own key or the environment's) and the environment's
   * further providers.
   */
  public List<Account> issuing(long tenantId) {
    if (providerLists == null) {
      List<Account> fallback = new ArrayList<>();
      fallback.add(forTenant(tenantId));
      fallback.addAll(environmentFallbacks);
      return fallback;
    }
    Instant now = clock.instant();
    CachedList cached = tenantLists.get(tenantId);
    if (cached == null || cached.readAt().plus(CREDENTIALS_TTL).isBefore(now)) {
      cached = new CachedList(readList(tenantId), now);
      tenantLists.put(tenantId, cached);
    }
    return cached.accounts();
  }

  /** The account that issued an invoice's address, where it is watched until final. */
  public Account issuer(long tenantId, String provider) {
    if (provider == null) {
      return forTenant(tenantId); // issued before providers were recorded
    }
    for (Account account : issuing(tenantId)) {
      if (account.exchange().name().equalsIgnoreCase(provider)) {
        return account;
      }
    }
    for (Account account : environmentAccounts()) {
      if (account.exchange().name().equalsIgnoreCase(provider)) {
        return account; // the tenant's list changed since: the environment's account of that exchange
      }
    }
    return forTenant(tenantId);
  }

  private List<Account> readList(long tenantId) {
    List<ConfiguredProvider> configured = providerLists.forTenant(tenantId);
    List<Account> list = new ArrayList<>();
    if (configured.isEmpty()) {
      list.add(forTenant(tenantId));
      list.addAll(environmentFallbacks);
      return list;
    }
    for (ConfiguredProvider provider : configured) {
      Connector connector = connectors.get(provider.provider());
      if (connector == null) {
        continue;
      }
      String secret = provider.apiSecret().reveal();
      String key = provider.provider() + ":" + Sha256.hex(provider.apiKey()).substring(0, 8) + "#" + Sha256.hex(secret).substring(0, 12);
      list.add(
          accounts.computeIfAbsent(
              key,
              k -> {
                ExchangeProvider exchange = connector.apply(provider.apiKey(), secret);
                return new Account(provider.provider() + ":" + Sha256.hex(provider.apiKey()).substring(0, 8), exchange, snapshots.apply(exchange));
              }));
    }
    return list;
  }

  public Account forTenant(long tenantId) {
    if (tenants == null) {
      return environment;
    }
    Instant now = clock.instant();
    CachedKey cached = tenantKeys.get(tenantId);
    if (cached == null || cached.readAt().plus(CREDENTIALS_TTL).isBefore(now)) {
      cached = new CachedKey(accountKey(tenantId), now);
      tenantKeys.put(tenantId, cached);
    }
    return cached.accountKey() == null ? environment : accounts.get(cached.accountKey());
  }

  /** History calls made by every account of this process. */
  public long fetches() {
    long total = environment.snapshots().fetches();
    for (Account account : environmentFallbacks) {
      total += account.snapshots().fetches();
    }
    for (Account account : accounts.values()) {
      total += account.snapshots().fetches();
    }
    return total;
  }

  /** The key of the tenant's own account (made on first use), or null for the environment's. */
  private String accountKey(long tenantId) {
    TenantCredentials credentials = tenants.credentials(tenantId).orElse(null);
    if (credentials == null || credentials.mexcApiKey() == null || credentials.mexcApiKey().isBlank()
        || credentials.mexcApiSecret() == null) {
      return null;
    }
    String apiKey = credentials.mexcApiKey();
    if (accountId(apiKey).equals(environment.id())) {
      return null; // the environment's own account: share its snapshots
    }
    String secret = credentials.mexcApiSecret().reveal();
    // The secret's digest is part of the key: a rotated secret gets a fresh client.
    String key = accountId(apiKey) + "#" + Sha256.hex(secret).substring(0, 12);
    accounts.computeIfAbsent(
        key,
        k -> {
          ExchangeProvider exchange = connector.apply(apiKey, secret);
          return new Account(accountId(apiKey), exchange, snapshots.apply(exchange));
        });
    return key;
  }

  /** Names an account by a short digest of its API key; the key itself is not logged either. */
  static String accountId(String apiKey) {
    return "mexc:" + Sha256.hex(apiKey == null ? "" : apiKey).substring(0, 8);
  }

}
