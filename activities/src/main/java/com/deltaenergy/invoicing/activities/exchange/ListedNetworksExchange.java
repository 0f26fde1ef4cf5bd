package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What MEXC and Binance do alike as exchange accounts: both list their coins' networks (read
 * again after {@link ExchangeProperties#networkCacheTtl()}), quote against USDT, number their
 * deposit statuses, and are checked the same way (reachable, clock, credentials, wallet). A
 * subclass says how its API does each.
 */
public abstract class ListedNetworksExchange implements ExchangeProvider {

  private final SignedExchangeClient client;
  private final ExchangeProperties properties;
  protected final Clock clock;
  private final Set<Integer> credited;
  private final Set<Integer> failed;
  private final ObjectMapper json = new ObjectMapper();

  private volatile Map<PaymentNetwork, ExchangeNetwork> networks;
  private volatile Instant networksFetchedAt;

  /** {@code credited} and {@code failed}: the exchange's deposit status numbers; others are pending. */
  protected ListedNetworksExchange(
      SignedExchangeClient client, ExchangeProperties properties, Clock clock, Set<Integer> credited,
      Set<Integer> failed) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.credited = credited;
    this.failed = failed;
  }

  /** The exchange's networks for ours, as it lists them now (those it has none for left out). */
  protected abstract Map<PaymentNetwork, ExchangeNetwork> readNetworks();

  /** Why no network matches ours, and where to look. */
  protected abstract String noNetworkFor(PaymentNetwork network);

  /** The last price of a symbol such as BTCUSDT; null or not positive if it gave none. */
  protected abstract BigDecimal lastPrice(String symbol);

  @Override
  public String name() {
    return client.exchange();
  }

  @Override
  public String endpoint() {
    return client.baseUrl();
  }

  /** An unsigned call that proves the exchange is reachable. */
  protected void ping() {
    client.ping();
  }

  /** Reads the exchange's clock again; returns its time minus ours, in milliseconds. */
  protected long syncClock() {
    client.syncClock();
    return client.clockOffsetMillis();
  }

  /** A signed call that proves the credentials; adds what the key may and should not do. */
  protected abstract void checkCredentials(List<String> permissions, List<String> problems);

  /** Further wallet reads after the network list (none unless the exchange has some). */
  protected void checkWallet(List<String> permissions) {}

  @Override
  public BigDecimal usdtPrice(CryptoCurrency coin) {
    if (coin == CryptoCurrency.USDT) {
      return BigDecimal.ONE;
    }
    BigDecimal price = lastPrice(coin.name() + "USDT");
    if (price == null || price.signum() <= 0) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE, name() + " returned no price for " + coin + "USDT", null, null);
    }
    return price;
  }

  @Override
  public ExchangeNetwork network(PaymentNetwork network) {
    ExchangeNetwork resolved = networks().get(network);
    if (resolved == null) {
      throw new ExchangeException(ExchangeException.Kind.REJECTED, noNetworkFor(network), null, null);
    }
    return resolved;
  }

  /** The network for a new deposit address: listed, and with deposits open. */
  protected ExchangeNetwork openForDeposits(PaymentNetwork network) {
    ExchangeNetwork resolved = network(network);
    if (!resolved.depositEnabled()) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          name() + " has deposits of " + resolved.coin() + " on " + resolved.label() + " suspended", null, null);
    }
    return resolved;
  }

  protected ExchangeException noDepositAddress(ExchangeNetwork resolved) {
    return new ExchangeException(
        ExchangeException.Kind.UNAVAILABLE,
        name() + " returned no deposit address for " + resolved.coin() + " on " + resolved.label(), null, null);
  }

  @Override
  public ExchangeCheck check() {
    List<String> problems = new ArrayList<>();
    List<String> permissions = new ArrayList<>();
    boolean reachable = false;
    boolean credentialsValid = false;
    long latency = -1;
    long skew = 0;
    try {
      long started = System.nanoTime();
      ping();
      latency = (System.nanoTime() - started) / 1_000_000;
      reachable = true;
      skew = syncClock();
    } catch (ExchangeException e) {
      problems.add("unreachable: " + e.getMessage());
    }
    if (reachable) {
      try {
        checkCredentials(permissions, problems);
        credentialsValid = true;
      } catch (ExchangeException e) {
        problems.add("credentials: " + e.getMessage());
      }
    }
    if (credentialsValid) {
      try {
        Map<PaymentNetwork, ExchangeNetwork> listed = refreshNetworks();
        permissions.add("wallet-read");
        for (PaymentNetwork network : PaymentNetwork.values()) {
          if (!listed.containsKey(network)) {
            problems.add("no " + name() + " network matches " + network.currency() + " " + network);
          }
        }
        checkWallet(permissions);
      } catch (ExchangeException e) {
        problems.add("wallet permission: " + e.getMessage());
      }
    }
    return new ExchangeCheck(
        name(), endpoint(), reachable, credentialsValid, List.copyOf(permissions), skew, latency,
        clock.instant(), List.copyOf(problems));
  }

  protected Map<PaymentNetwork, ExchangeNetwork> networks() {
    Map<PaymentNetwork, ExchangeNetwork> listed = networks;
    if (listed == null || networksFetchedAt.plus(properties.networkCacheTtl()).isBefore(clock.instant())) {
      return refreshNetworks();
    }
    return listed;
  }

  private synchronized Map<PaymentNetwork, ExchangeNetwork> refreshNetworks() {
    Map<PaymentNetwork, ExchangeNetwork> listed = readNetworks();
    networksFetchedAt = clock.instant(); // first: whoever sees the networks sees when they were read
    networks = listed;
    return listed;
  }

  /** The exchange's status number as ours; none is 0. */
  protected DepositStatus depositStatus(Integer status) {
    int number = status == null ? 0 : status;
    return credited.contains(number) ? DepositStatus.CREDITED
        : failed.contains(number) ? DepositStatus.FAILED
        : DepositStatus.PENDING;
  }

  /** The exchange's record as JSON, kept with the deposit. */
  /** A deposit as the exchange reported it, in our words: {@code coin} and {@code network} ours, null where unknown. */
  protected ObservedDeposit observed(ExchangeDepositRecord record, CryptoCurrency coin, PaymentNetwork network) {
    return new ObservedDeposit(
        record.txId(),
        coin,
        record.coin() == null ? null : record.coin().toUpperCase(Locale.ROOT),
        network,
        record.network(),
        record.address() == null ? null : record.address().trim(),
        record.memoOrTag(),
        record.amount(),
        record.confirmations(),
        depositStatus(record.status()),
        record.insertTime() == null ? null : Instant.ofEpochMilli(record.insertTime()),
        raw(record));
  }

  protected String raw(Object record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Newest first; those without a time last. */
  protected static List<ObservedDeposit> newestFirst(Collection<ObservedDeposit> deposits) {
    return deposits.stream()
        .sorted(Comparator.comparing(ObservedDeposit::insertedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }
}
