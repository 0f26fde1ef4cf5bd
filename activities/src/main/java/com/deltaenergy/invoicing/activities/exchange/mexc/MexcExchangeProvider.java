package com.deltaenergy.invoicing.activities.exchange.mexc;

import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.ExchangeNetwork;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProperties;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProvider;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.invoice.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** MEXC as the exchange account behind invoices. */
public class MexcExchangeProvider implements ExchangeProvider {

  /** MEXC caps one deposit-history call at 7 days and 1000 records. */
  static final Duration MAX_WINDOW = Duration.ofDays(7);
  static final int PAGE_LIMIT = 1000;
  private static final Duration MIN_SPLIT = Duration.ofMinutes(1);

  /** MEXC deposit statuses: 5 SUCCESS and 12 COMPLETED are credited. */
  private static final Set<Integer> CREDITED = Set.of(5, 12);
  /** 1 SMALL (below the minimum, never credited), 7 REJECTED, 8 REFUND, 10 INVALID, 11 RESTRICTED. */
  private static final Set<Integer> FAILED = Set.of(1, 7, 8, 10, 11);

  private final MexcClient client;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  private volatile Map<PaymentNetwork, ExchangeNetwork> networks;
  private volatile Instant networksFetchedAt;

  public MexcExchangeProvider(MexcClient client, ExchangeProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "MEXC";
  }

  @Override
  public String endpoint() {
    return client.baseUrl();
  }

  @Override
  public DepositAddress newDepositAddress(PaymentNetwork network) {
    ExchangeNetwork resolved = network(network);
    if (!resolved.depositEnabled()) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          "MEXC has deposits of " + resolved.coin() + " on " + resolved.label() + " suspended",
          null, null);
    }
    MexcApi.DepositAddressRecord record =
        client.generateDepositAddress(resolved.coin(), resolved.label());
    if (record == null || record.address() == null || record.address().isBlank()) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          "MEXC returned no deposit address for " + resolved.coin() + " on " + resolved.label(),
          null, null);
    }
    return new DepositAddress(record.address().trim(), record.memoOrTag(), resolved.label());
  }

  @Override
  public List<ObservedDeposit> deposits(CryptoCurrency coin, Instant from, Instant to) {
    Map<String, ObservedDeposit> found = new LinkedHashMap<>();
    Instant windowEnd = to;
    while (windowEnd.isAfter(from)) {
      Instant windowStart = max(from, windowEnd.minus(MAX_WINDOW));
      for (MexcApi.DepositRecord record : window(coin, windowStart, windowEnd)) {
        ObservedDeposit deposit = toObserved(record);
        found.putIfAbsent(deposit.key(), deposit);
      }
      windowEnd = windowStart;
    }
    return found.values().stream()
        .sorted(Comparator.comparing(ObservedDeposit::insertedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  /** One call when the window holds fewer than a page of records; else the halves, recursively. */
  private List<MexcApi.DepositRecord> window(CryptoCurrency coin, Instant start, Instant end) {
    List<MexcApi.DepositRecord> page = client.depositHistory(coin.name(), start, end, PAGE_LIMIT);
    if (page.size() < PAGE_LIMIT || Duration.between(start, end).compareTo(MIN_SPLIT) <= 0) {
      return page;
    }
    Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
    List<MexcApi.DepositRecord> all = new ArrayList<>(window(coin, middle, end));
    all.addAll(window(coin, start, middle));
    return all;
  }

  @Override
  public BigDecimal usdtPrice(CryptoCurrency coin) {
    if (coin == CryptoCurrency.USDT) {
      return BigDecimal.ONE;
    }
    MexcApi.TickerPrice ticker = client.tickerPrice(coin.name() + "USDT");
    if (ticker.price() == null || ticker.price().signum() <= 0) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE, "MEXC returned no price for " + coin + "USDT", null, null);
    }
    return ticker.price();
  }

  @Override
  public ExchangeNetwork network(PaymentNetwork network) {
    ExchangeNetwork resolved = networks().get(network);
    if (resolved == null) {
      throw new ExchangeException(
          ExchangeException.Kind.REJECTED,
          "MEXC lists no single " + network.currency() + " network matching " + network
              + "; check GET /api/v3/capital/config/getall",
          null, null);
    }
    return resolved;
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
      client.ping();
      latency = (System.nanoTime() - started) / 1_000_000;
      reachable = true;
      client.syncClock();
      skew = client.clockOffsetMillis();
    } catch (ExchangeException e) {
      problems.add("unreachable: " + e.getMessage());
    }
    if (reachable) {
      try {
        client.account();
        credentialsValid = true;
        permissions.add("account-read");
      } catch (ExchangeException e) {
        problems.add("credentials: " + e.getMessage());
      }
    }
    if (credentialsValid) {
      try {
        refreshNetworks();
        permissions.add("wallet-read");
        for (PaymentNetwork network : PaymentNetwork.values()) {
          if (!networks.containsKey(network)) {
            problems.add("no MEXC network matches " + network.currency() + " " + network);
          }
        }
        client.depositAddresses(CryptoCurrency.BTC.name(), null);
        permissions.add("deposit-address-read");
      } catch (ExchangeException e) {
        problems.add("wallet permission: " + e.getMessage());
      }
    }
    return new ExchangeCheck(
        name(), endpoint(), reachable, credentialsValid, List.copyOf(permissions), skew, latency,
        clock.instant(), List.copyOf(problems));
  }

  private Map<PaymentNetwork, ExchangeNetwork> networks() {
    Instant fetched = networksFetchedAt;
    if (networks == null || fetched.plus(properties.networkCacheTtl()).isBefore(clock.instant())) {
      refreshNetworks();
    }
    return networks;
  }

  private synchronized void refreshNetworks() {
    Map<PaymentNetwork, ExchangeNetwork> resolved = new EnumMap<>(PaymentNetwork.class);
    List<MexcApi.CoinConfig> coins = client.coinConfigs();
    for (PaymentNetwork network : PaymentNetwork.values()) {
      List<MexcApi.NetworkConfig> matches =
          coins.stream()
              .filter(c -> network.currency().name().equalsIgnoreCase(c.coin()))
              .flatMap(c -> c.networkList() == null ? java.util.stream.Stream.empty() : c.networkList().stream())
              .filter(n -> MexcNetworks.matches(network, n.network(), n.netWork()))
              .toList();
      if (matches.size() == 1) {
        MexcApi.NetworkConfig match = matches.get(0);
        resolved.put(
            network,
            new ExchangeNetwork(
                network, network.currency().name(), match.network(), match.netWork(),
                match.minConfirm(), !Boolean.FALSE.equals(match.depositEnable())));
      }
    }
    networks = resolved;
    networksFetchedAt = clock.instant();
  }

  ObservedDeposit toObserved(MexcApi.DepositRecord record) {
    CryptoCurrency coin = CryptoCurrency.fromCode(record.coin());
    PaymentNetwork network = null;
    if (coin != null && record.network() != null) {
      for (PaymentNetwork candidate : PaymentNetwork.of(coin)) {
        ExchangeNetwork known = networks().get(candidate);
        boolean sameLabel = known != null && known.label().equalsIgnoreCase(record.network());
        if (sameLabel || (known == null && MexcNetworks.matches(candidate, record.network(), null))) {
          network = candidate;
        }
      }
    }
    int status = record.status() == null ? 0 : record.status();
    DepositStatus depositStatus =
        CREDITED.contains(status) ? DepositStatus.CREDITED
            : FAILED.contains(status) ? DepositStatus.FAILED
            : DepositStatus.PENDING;
    return new ObservedDeposit(
        record.txId(),
        coin,
        record.coin() == null ? null : record.coin().toUpperCase(Locale.ROOT),
        network,
        record.network(),
        record.address() == null ? null : record.address().trim(),
        record.memoOrTag(),
        record.amount(),
        record.confirmTimes() == null ? 0 : record.confirmTimes(),
        depositStatus,
        record.insertTime() == null ? null : Instant.ofEpochMilli(record.insertTime()),
        raw(record));
  }

  private String raw(MexcApi.DepositRecord record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
