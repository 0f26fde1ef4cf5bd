package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.support.ClockTicker;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * USD prices of the coins. The exchange quotes against USDT; USDT is worth {@code usdtUsdRate}
 * USD (1 unless configured), so every price is USDT price × that rate. Briefly cached so a burst
 * of invoices does not become a burst of ticker calls.
 */
public class ExchangePrices {

  /** A USD price and when it was read. */
  public record UsdPrice(CryptoCurrency coin, BigDecimal usd, Instant pricedAt, String source) {}

  private final ExchangeProvider exchange;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final Cache<CryptoCurrency, UsdPrice> cache;
  private java.util.List<ExchangeProvider> fallbacks = java.util.List.of();

  public ExchangePrices(ExchangeProvider exchange, ExchangeProperties properties, Clock clock) {
    this.exchange = exchange;
    this.properties = properties;
    this.clock = clock;
    this.cache =
        Caffeine.newBuilder()
            .ticker(ClockTicker.of(clock))
            .executor(Runnable::run)
            .expireAfterWrite(properties.priceCacheTtl())
            .build();
  }

  /** Providers asked, in order, when the first cannot answer. */
  public ExchangePrices withFallbacks(java.util.List<ExchangeProvider> fallbacks) {
    this.fallbacks = java.util.List.copyOf(fallbacks);
    return this;
  }

  public UsdPrice usd(CryptoCurrency coin) {
    return cache.get(coin, this::fresh);
  }

  /**
   * Read from the exchange now, whatever is cached: what a re-quote, asked for a new price, uses.
   * It leaves the cache as it was, so the burst it is there for keeps its one price.
   */
  public UsdPrice fresh(CryptoCurrency coin) {
    Instant now = clock.instant();
    return
        coin == CryptoCurrency.USDT
            ? new UsdPrice(coin, properties.usdtUsdRate(), now, "USDT fixed at " + properties.usdtUsdRate().toPlainString() + " USD")
            : fromFirstAnswering(coin, now);
  }

  private UsdPrice fromFirstAnswering(CryptoCurrency coin, Instant now) {
    ExchangeException failure;
    try {
      return price(exchange, coin, now);
    } catch (ExchangeException e) {
      failure = e;
    }
    for (ExchangeProvider fallback : fallbacks) {
      try {
        return price(fallback, coin, now);
      } catch (ExchangeException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  private UsdPrice price(ExchangeProvider provider, CryptoCurrency coin, Instant now) {
    return new UsdPrice(
        coin, provider.usdtPrice(coin).multiply(properties.usdtUsdRate()), now, provider.name() + " " + coin + "USDT");
  }
}
