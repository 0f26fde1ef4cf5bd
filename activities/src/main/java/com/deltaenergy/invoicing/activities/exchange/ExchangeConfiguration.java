package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.exchange.binance.BinanceClient;
import com.deltaenergy.invoicing.activities.exchange.binance.BinanceExchangeProvider;
import com.deltaenergy.invoicing.activities.exchange.binance.BinanceProperties;
import com.deltaenergy.invoicing.activities.exchange.failover.ExchangeFailover;
import com.deltaenergy.invoicing.activities.notification.OperationsAlerts;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;

import com.deltaenergy.invoicing.activities.exchange.mexc.MexcClient;
import com.deltaenergy.invoicing.activities.exchange.mexc.MexcExchangeProvider;
import com.deltaenergy.invoicing.activities.exchange.mexc.MexcProperties;
import com.deltaenergy.invoicing.activities.invoice.PaymentSettings;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MexcProperties.class, BinanceProperties.class, ExchangeProperties.class})
class ExchangeConfiguration {

  @Bean
  OkHttpClient exchangeHttpClient(MexcProperties mexc) {
    return new OkHttpClient.Builder()
        .connectTimeout(mexc.connectTimeout())
        .readTimeout(mexc.readTimeout())
        .callTimeout(mexc.readTimeout().plus(mexc.connectTimeout()))
        .retryOnConnectionFailure(false)
        .build();
  }

  /** Calls per endpoint per 10 s each exchange client allows itself (ExchangeCallPace). */
  private final int callsPerWindow;

  ExchangeConfiguration(
      @Value("${invoicing.exchange.calls-per-window:" + ExchangeCallPace.DOCUMENTED_CALLS_PER_WINDOW + "}")
          int callsPerWindow) {
    this.callsPerWindow = callsPerWindow;
  }

  @Bean
  MexcClient mexcClient(OkHttpClient exchangeHttpClient, MexcProperties mexc, Clock clock) {
    return paced(
        new MexcClient(
            exchangeHttpClient, mexc::baseUrl, mexc.apiKey(), mexc.apiSecret(), mexc.recvWindow(),
            mexc.timeSyncInterval(), clock),
        callsPerWindow);
  }

  private static <C extends SignedExchangeClient> C paced(C client, int callsPerWindow) {
    client.limitCallsPerWindow(callsPerWindow);
    return client;
  }

  @Bean
  MexcExchangeProvider exchangeProvider(MexcClient mexcClient, ExchangeProperties properties, Clock clock) {
    return new MexcExchangeProvider(mexcClient, properties, clock);
  }

  @Bean
  DepositSnapshots depositSnapshots(
      ExchangeProvider exchange, ExchangeProperties properties, PaymentSettings payments, Clock clock) {
    return new DepositSnapshots(exchange, properties, payments.pollingInterval(), clock);
  }

  /**
   * The environment's Binance account, tried after MEXC when BINANCE_API_KEY is set; empty
   * otherwise.
   */
  @Bean
  EnvironmentFallbacks environmentFallbacks(
      OkHttpClient exchangeHttpClient, BinanceProperties binance, ExchangeProperties properties, Clock clock) {
    if (binance.apiKey().isBlank()) {
      return new EnvironmentFallbacks(List.of());
    }
    return new EnvironmentFallbacks(
        List.of(binance(exchangeHttpClient, binance, binance.apiKey(), binance.apiSecret(), properties, callsPerWindow, clock)));
  }

  /** Providers tried after the environment's MEXC account, in order. */
  record EnvironmentFallbacks(List<ExchangeProvider> providers) {}

  static BinanceExchangeProvider binance(
      OkHttpClient http, BinanceProperties binance, String apiKey, String apiSecret, ExchangeProperties properties,
      int callsPerWindow, Clock clock) {
    return new BinanceExchangeProvider(
        paced(
            new BinanceClient(http, binance::baseUrl, apiKey, apiSecret, binance.recvWindow(), binance.timeSyncInterval(), clock),
            callsPerWindow),
        properties, clock);
  }

  @Bean
  ExchangeFailover exchangeFailover(
      ExchangeProviderRepository providers,
      OperationsAlerts alerts,
      @Value("${invoicing.exchange.circuit-open-for:30s}") Duration openFor,
      Clock clock) {
    return new ExchangeFailover(providers, alerts, openFor, clock);
  }

  @Bean
  ExchangeAccounts exchangeAccounts(
      ExchangeProvider exchange,
      DepositSnapshots depositSnapshots,
      TenantRepository tenants,
      OkHttpClient exchangeHttpClient,
      MexcProperties mexc,
      BinanceProperties binance,
      EnvironmentFallbacks fallbacks,
      ExchangeProviderRepository providerLists,
      ExchangeProperties properties,
      PaymentSettings payments,
      Clock clock) {
    ExchangeAccounts.Connector connector =
        (apiKey, apiSecret) ->
            new MexcExchangeProvider(
                paced(
                    new MexcClient(
                        exchangeHttpClient, mexc::baseUrl, apiKey, apiSecret, mexc.recvWindow(), mexc.timeSyncInterval(),
                        clock),
                    callsPerWindow),
                properties,
                clock);
    ExchangeAccounts.Connector binanceConnector =
        (apiKey, apiSecret) -> binance(exchangeHttpClient, binance, apiKey, apiSecret, properties, callsPerWindow, clock);
    return new ExchangeAccounts(
            exchange, depositSnapshots, mexc.apiKey(), tenants, connector,
            provider -> new DepositSnapshots(provider, properties, payments.pollingInterval(), clock),
            clock)
        .withProviders(fallbacks.providers(), providerLists, Map.of("mexc", connector, "binance", binanceConnector));
  }

  @Bean
  ExchangePrices exchangePrices(
      ExchangeProvider exchange, EnvironmentFallbacks fallbacks, ExchangeProperties properties, Clock clock) {
    // Prices from the next provider while the first cannot answer: issuing never waits for one exchange.
    return new ExchangePrices(exchange, properties, clock).withFallbacks(fallbacks.providers());
  }
}
