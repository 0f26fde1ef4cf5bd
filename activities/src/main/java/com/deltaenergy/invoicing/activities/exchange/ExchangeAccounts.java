package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.support.ClockTicker;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository.ConfiguredProvider;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import com.deltaenergy.invoicing.persistence.tenant.TenantCredentials;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
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

  static final Duration CREDENTIALS_TTL = Duration.ofSeconds(30);

  /** What one read of a tenant's credentials and provider list resolves to. */
  private record TenantAccounts(Account own, List<Account> issuing) {}

  private final Account environment;
  private final TenantRepository tenants;
  private final Connector connector;
  private final Function<ExchangeProvider, DepositSnapshots> snapshots;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  /** The one per-tenant cache: a rotated key or an edited list is seen within the time to live. */
  private final Cache<Long, TenantAccounts> tenantAccounts;
  /** The environment's further providers after its MEXC account (e.g. Binance), in order. */
  private final List<Account> environmentFallbacks = new ArrayList<>();
  private ExchangeProviderRepository providerLists;
  /** Builds a provider by name ("mexc", "binance") for a tenant's own credentials. */
  private Map<String, Connector> connectors = Map.of();

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
    this.tenantAccounts =
        Caffeine.newBuilder()
            .ticker(ClockTicker.of(clock))
            .executor(Runnable::run)
            .expireAfterWrite(CREDENTIALS_TTL)
            .build();
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
    tenantAccounts.invalidateAll(); // anything resolved before knew no lists
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
    return tenantAccounts.get(tenantId, this::resolve).issuing();
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

  private TenantAccounts resolve(long tenantId) {
    Account own = tenants == null ? environment : account(accountKey(tenantId));
    return new TenantAccounts(own, providerLists == null ? withFallbacks(own) : readList(tenantId, own));
  }

  private Account account(String accountKey) {
    return accountKey == null ? environment : accounts.get(accountKey);
  }

  /** The tenant's MEXC account, then the environment's further providers. */
  private List<Account> withFallbacks(Account own) {
    List<Account> list = new ArrayList<>();
    list.add(own);
    list.addAll(environmentFallbacks);
    return list;
  }

  private List<Account> readList(long tenantId, Account own) {
    List<ConfiguredProvider> configured = providerLists.forTenant(tenantId);
    if (configured.isEmpty()) {
      return withFallbacks(own);
    }
    List<Account> list = new ArrayList<>();
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
    return tenantAccounts.get(tenantId, this::resolve).own();
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
