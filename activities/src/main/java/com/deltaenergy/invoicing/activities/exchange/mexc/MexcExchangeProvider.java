package com.deltaenergy.invoicing.activities.exchange.mexc;

import com.deltaenergy.invoicing.activities.exchange.ExchangeNetwork;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProperties;
import com.deltaenergy.invoicing.activities.exchange.ListedNetworksExchange;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** MEXC as the exchange account behind invoices. */
public class MexcExchangeProvider extends ListedNetworksExchange {

  /** MEXC caps one deposit-history call at 7 days and 1000 records. */
  static final Duration MAX_WINDOW = Duration.ofDays(7);
  static final int PAGE_LIMIT = 1000;
  private static final Duration MIN_SPLIT = Duration.ofMinutes(1);

  /** MEXC deposit statuses: 5 SUCCESS and 12 COMPLETED are credited. */
  private static final Set<Integer> CREDITED = Set.of(5, 12);
  /** 1 SMALL (below the minimum, never credited), 7 REJECTED, 8 REFUND, 10 INVALID, 11 RESTRICTED. */
  private static final Set<Integer> FAILED = Set.of(1, 7, 8, 10, 11);

  private final MexcClient client;

  public MexcExchangeProvider(MexcClient client, ExchangeProperties properties, Clock clock) {
    super(client, properties, clock, CREDITED, FAILED);
    this.client = client;
  }

  @Override
  public DepositAddress newDepositAddress(PaymentNetwork network) {
    ExchangeNetwork resolved = openForDeposits(network);
    MexcApi.DepositAddressRecord record =
        client.generateDepositAddress(resolved.coin(), resolved.label());
    if (record == null || record.address() == null || record.address().isBlank()) {
      throw noDepositAddress(resolved);
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
    return newestFirst(found.values());
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
  protected BigDecimal lastPrice(String symbol) {
    return client.tickerPrice(symbol).price();
  }

  @Override
  protected String noNetworkFor(PaymentNetwork network) {
    return "MEXC lists no single " + network.currency() + " network matching " + network
        + "; check GET /api/v3/capital/config/getall";
  }

  @Override
  protected void checkCredentials(List<String> permissions, List<String> problems) {
    client.account();
    permissions.add("account-read");
  }

  @Override
  protected void checkWallet(List<String> permissions) {
    client.depositAddresses(CryptoCurrency.BTC.name(), null);
    permissions.add("deposit-address-read");
  }

  @Override
  protected Map<PaymentNetwork, ExchangeNetwork> readNetworks() {
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
    return resolved;
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
    return observed(record, coin, network);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
