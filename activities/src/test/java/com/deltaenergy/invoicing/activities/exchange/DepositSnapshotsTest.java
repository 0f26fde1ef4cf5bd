package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.testsupport.MutableClock;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The snapshot cache alone, over a scripted exchange that counts its calls. */
class DepositSnapshotsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScriptedExchange exchange = new ScriptedExchange();
  private final ExchangeProperties properties =
      new ExchangeProperties(null, Duration.ofDays(7),
          Duration.ofSeconds(10), BigDecimal.ONE, Duration.ofHours(1), Duration.ofSeconds(30));
  /** A 30 s poll interval: fetches at least 24 s apart. */
  private final DepositSnapshots snapshots =
      new DepositSnapshots(exchange, properties, Duration.ofSeconds(30), clock);

  @Test
  void manyReadersInOneCycleCostOneExchangeCallPerCoin() throws InterruptedException {
    exchange.deposits = () -> List.of(deposit("0xAbC0000000000000000000000000000000000001", "tx1"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 1000; i++) {
      pool.submit(() -> snapshots.current(CryptoCurrency.USDT));
      pool.submit(() -> snapshots.current(CryptoCurrency.BTC));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(exchange.calls.get()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(31));
    snapshots.current(CryptoCurrency.USDT);
    assertThat(exchange.calls.get()).isEqualTo(3);
  }

  @Test
  void evmAddressesMatchWhateverTheirCase() {
    exchange.deposits = () -> List.of(deposit("0xAbC0000000000000000000000000000000000001", "tx1"));
    assertThat(snapshots.current(CryptoCurrency.USDT).to("0xabc0000000000000000000000000000000000001", null))
        .extracting(ObservedDeposit::txId)
        .containsExactly("tx1");
  }

  @Test
  void neverFetchesACoinTwiceWithinTheSpacingEvenWhenAskedToRefresh() {
    exchange.deposits = List::of;
    snapshots.refresh(CryptoCurrency.TAO);
    clock.advance(Duration.ofSeconds(23));
    snapshots.refresh(CryptoCurrency.TAO);
    assertThat(exchange.calls.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    snapshots.refresh(CryptoCurrency.TAO);
    assertThat(exchange.calls.get()).isEqualTo(2);
  }

  @Test
  void aRateLimitedCoinIsNotAskedAgainBeforeRetryAfter() {
    exchange.deposits =
        () -> {
          throw new ExchangeException(ExchangeException.Kind.RATE_LIMITED, "429", Duration.ofSeconds(60), null);
        };
    assertThatThrownBy(() -> snapshots.refresh(CryptoCurrency.BTC)).isInstanceOf(ExchangeException.class);
    clock.advance(Duration.ofSeconds(40));
    assertThatThrownBy(() -> snapshots.refresh(CryptoCurrency.BTC)).isInstanceOf(ExchangeException.class);
    assertThat(exchange.calls.get()).isEqualTo(1);
    exchange.deposits = List::of;
    clock.advance(Duration.ofSeconds(21));
    assertThat(snapshots.refresh(CryptoCurrency.BTC).deposits()).isEmpty();
    assertThat(exchange.calls.get()).isEqualTo(2);
  }

  private ObservedDeposit deposit(String address, String txId) {
    return new ObservedDeposit(txId, CryptoCurrency.USDT, "USDT", PaymentNetwork.ERC20, "Ethereum(ERC20)",
        address, null, BigDecimal.TEN, 1, DepositStatus.PENDING, clock.instant(), "{}");
  }

  private static final class ScriptedExchange implements ExchangeProvider {
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Supplier<List<ObservedDeposit>> deposits = ArrayList::new;

    @Override
    public List<ObservedDeposit> deposits(CryptoCurrency coin, Instant from, Instant to) {
      calls.incrementAndGet();
      return deposits.get();
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public String endpoint() {
      return "memory";
    }

    @Override
    public DepositAddress newDepositAddress(PaymentNetwork network) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal usdtPrice(CryptoCurrency coin) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExchangeNetwork network(PaymentNetwork network) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExchangeCheck check() {
      throw new UnsupportedOperationException();
    }
  }
}
