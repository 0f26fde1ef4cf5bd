package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.deltaenergy.invoicing.testsupport.MutableClock;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A ticker price is reused for its time to live, then read again; a re-quote always reads. */
class ExchangePricesTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final ExchangeProvider exchange = mock(ExchangeProvider.class);
  private final ExchangePrices prices =
      new ExchangePrices(
          exchange,
          new ExchangeProperties(null, Duration.ofDays(7), TTL, new BigDecimal("1.001"), Duration.ofHours(1), Duration.ofSeconds(30)),
          clock);

  @Test
  void reusesAPriceUntilItsTimeToLiveIsUp() {
    when(exchange.name()).thenReturn("MEXC");
    when(exchange.usdtPrice(CryptoCurrency.BTC)).thenReturn(new BigDecimal("90000"), new BigDecimal("91000"));

    ExchangePrices.UsdPrice first = prices.usd(CryptoCurrency.BTC);
    assertThat(first.usd()).isEqualByComparingTo("90090.000");
    assertThat(first.pricedAt()).isEqualTo(clock.instant());

    clock.advance(TTL.minusSeconds(1));
    assertThat(prices.usd(CryptoCurrency.BTC)).isSameAs(first);
    verify(exchange, times(1)).usdtPrice(CryptoCurrency.BTC);

    clock.advance(Duration.ofSeconds(1));
    assertThat(prices.usd(CryptoCurrency.BTC).usd()).isEqualByComparingTo("91091.000");
    verify(exchange, times(2)).usdtPrice(CryptoCurrency.BTC);
  }

  @Test
  void aFreshPriceLeavesTheCachedOneInPlace() {
    when(exchange.name()).thenReturn("MEXC");
    when(exchange.usdtPrice(CryptoCurrency.BTC)).thenReturn(new BigDecimal("90000"), new BigDecimal("91000"));
    ExchangePrices.UsdPrice cached = prices.usd(CryptoCurrency.BTC);

    assertThat(prices.fresh(CryptoCurrency.BTC).usd()).isEqualByComparingTo("91091.000");

    assertThat(prices.usd(CryptoCurrency.BTC)).isSameAs(cached);
  }
}
