package com.deltaenergy.invoicing.activities.exchange.binance;

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

/**
 * Binance as an exchange account behind invoices. Binance gives one deposit address per coin and
 * network on an account, so invoices on Binance share it and are told apart by amount.
 */
public class BinanceExchangeProvider implements ExchangeProvider {

  /** Binance serves at most 90 days per deposit-history call and 1000 records per page. */
  static final Duration MAX_WINDOW = Duration.ofDays(90);
  static final int PAGE_LIMIT = 1000;

  /** Binance's network codes for ours. */
  static final Map<PaymentNetwork, String> NETWORK_CODES =
      Map.of(
          PaymentNetwork.BTC, "BTC",
          PaymentNetwork.TRC20, "TRX",
          PaymentNetwork.ERC20, "ETH",
          PaymentNetwork.BEP20, "BSC",
          PaymentNetwork.TAO, "TAO");

  /** 1 success and 6 credited (not yet withdrawable) are credited to the account. */
  private static final Set<Integer> CREDITED = Set.of(1, 6);
  /** 2 rejected, 7 wrong deposit: never credited. 0 pending and 8 waiting for confirmation stay pending. */
  private static final Set<Integer> FAILED = Set.of(2, 7);

  private final BinanceClient client;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  private volatile Map<PaymentNetwork, ExchangeNetwork> networks;
  private volatile Instant networksFetchedAt;

  public BinanceExchangeProvider(BinanceClient client, ExchangeProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "Binance";
  }

  @Override
  public String endpoint() {
    return client.baseUrl();
  }

  @Override
  public boolean sharesDepositAddresses() {
    return true;
  }

  @Override
  public DepositAddress newDepositAddress(PaymentNetwork network) {
    ExchangeNetwork resolved = network(network);
    if (!resolved.depositEnabled()) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          "Binance has deposits of " + resolved.coin() + " on " + resolved.label() + " suspended", null, null);
    }
    BinanceApi.DepositAddress address = client.depositAddress(resolved.coin(), resolved.label());
    if (address == null || address.address() == null || address.address().isBlank()) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          "Binance returned no deposit address for " + resolved.coin() + " on " + resolved.label(), null, null);
    }
    String tag = address.tag() == null || address.tag().isBlank() ? null : address.tag();
    return new DepositAddress(address.address().trim(), tag, resolved.label());
  }

  @Override
  public List<ObservedDeposit> deposits(CryptoCurrency coin, Instant from, Instant to) {
    Map<String, ObservedDeposit> found = new LinkedHashMap<>();
    Instant windowEnd = to;
    while (windowEnd.isAfter(from)) {
      Instant windowStart = from.isAfter(windowEnd.minus(MAX_WINDOW)) ? from : windowEnd.minus(MAX_WINDOW);
      int offset = 0;
      while (true) {
        List<BinanceApi.DepositRecord> page = client.depositHistory(coin.name(), windowStart, windowEnd, offset, PAGE_LIMIT);
        for (BinanceApi.DepositRecord record : page) {
          ObservedDeposit deposit = toObserved(record);
          found.putIfAbsent(deposit.key() + "|" + deposit.address(), deposit);
        }
        if (page.size() < PAGE_LIMIT) {
          break;
        }
        offset += PAGE_LIMIT;
      }
      windowEnd = windowStart;
    }
    return found.values().stream()
        .sorted(Comparator.comparing(ObservedDeposit::insertedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  @Override
  public BigDecimal usdtPrice(CryptoCurrency coin) {
    if (coin == CryptoCurrency.USDT) {
      return BigDecimal.ONE;
    }
    BinanceApi.TickerPrice ticker = client.tickerPrice(coin.name() + "USDT");
    if (ticker.price() == null || ticker.price().signum() <= 0) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE, "Binance returned no price for " + coin + "USDT", null, null);
    }
    return ticker.price();
  }

  @Override
  public ExchangeNetwork network(PaymentNetwork network) {
    ExchangeNetwork resolved = networks().get(network);
    if (resolved == null) {
      throw new ExchangeException(
          ExchangeException.Kind.REJECTED,
          "Binance lists no " + network.currency() + " network " + NETWORK_CODES.get(network)
              + "; check GET /sapi/v1/capital/config/getall", null, null);
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
        BinanceApi.ApiRestrictions restrictions = client.apiRestrictions();
        credentialsValid = true;
        if (Boolean.TRUE.equals(restrictions.enableReading())) {
          permissions.add("reading");
        } else {
          problems.add("the key lacks Enable Reading: deposit history cannot be read");
        }
        if (Boolean.TRUE.equals(restrictions.enableWithdrawals())) {
          problems.add("the key can withdraw: a receiving key should not");
        }
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
            problems.add("no Binance network matches " + network.currency() + " " + network);
          }
        }
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
    List<BinanceApi.CoinConfig> coins = client.coinConfigs();
    for (PaymentNetwork network : PaymentNetwork.values()) {
      String code = NETWORK_CODES.get(network);
      coins.stream()
          .filter(c -> network.currency().name().equalsIgnoreCase(c.coin()))
          .flatMap(c -> c.networkList() == null ? java.util.stream.Stream.empty() : c.networkList().stream())
          .filter(n -> code.equalsIgnoreCase(n.network()))
          .findFirst()
          .ifPresent(
              n -> resolved.put(
                  network,
                  new ExchangeNetwork(
                      network, network.currency().name(), n.network(), n.network(), n.minConfirm(),
                      !Boolean.FALSE.equals(n.depositEnable()))));
    }
    networks = resolved;
    networksFetchedAt = clock.instant();
  }

  ObservedDeposit toObserved(BinanceApi.DepositRecord record) {
    CryptoCurrency coin = CryptoCurrency.fromCode(record.coin());
    PaymentNetwork network = null;
    if (coin != null && record.network() != null) {
      for (PaymentNetwork candidate : PaymentNetwork.of(coin)) {
        if (NETWORK_CODES.get(candidate).equalsIgnoreCase(record.network())) {
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
        record.memo(),
        record.amount(),
        record.confirmations(),
        depositStatus,
        record.insertTime() == null ? null : Instant.ofEpochMilli(record.insertTime()),
        raw(record));
  }

  private String raw(BinanceApi.DepositRecord record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
