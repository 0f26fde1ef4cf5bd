package com.deltaenergy.invoicing.activities.exchange.binance;

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
public class BinanceExchangeProvider extends ListedNetworksExchange {

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

  public BinanceExchangeProvider(BinanceClient client, ExchangeProperties properties, Clock clock) {
    super(client, properties, clock, CREDITED, FAILED);
    this.client = client;
  }

  @Override
  public boolean sharesDepositAddresses() {
    return true;
  }

  @Override
  public DepositAddress newDepositAddress(PaymentNetwork network) {
    ExchangeNetwork resolved = openForDeposits(network);
    BinanceApi.DepositAddress address = client.depositAddress(resolved.coin(), resolved.label());
    if (address == null || address.address() == null || address.address().isBlank()) {
      throw noDepositAddress(resolved);
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
    return newestFirst(found.values());
  }

  @Override
  protected BigDecimal lastPrice(String symbol) {
    return client.tickerPrice(symbol).price();
  }

  @Override
  protected String noNetworkFor(PaymentNetwork network) {
    return "Binance lists no " + network.currency() + " network " + NETWORK_CODES.get(network)
        + "; check GET /sapi/v1/capital/config/getall";
  }

  /** The key's restrictions: it must read, and a receiving key should not withdraw. */
  @Override
  protected void checkCredentials(List<String> permissions, List<String> problems) {
    BinanceApi.ApiRestrictions restrictions = client.apiRestrictions();
    if (Boolean.TRUE.equals(restrictions.enableReading())) {
      permissions.add("reading");
    } else {
      problems.add("the key lacks Enable Reading: deposit history cannot be read");
    }
    if (Boolean.TRUE.equals(restrictions.enableWithdrawals())) {
      problems.add("the key can withdraw: a receiving key should not");
    }
  }

  @Override
  protected Map<PaymentNetwork, ExchangeNetwork> readNetworks() {
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
    return resolved;
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
    return observed(record, coin, network);
  }
}
