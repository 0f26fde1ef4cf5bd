package com.deltaenergy.invoicing.activities.exchange;

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
@EnableConfigurationProperties({MexcProperties.class, ExchangeProperties.class})
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

  @Bean
  MexcClient mexcClient(OkHttpClient exchangeHttpClient, MexcProperties mexc, Clock clock) {
    return new MexcClient(
        exchangeHttpClient, mexc::baseUrl, mexc.apiKey(), mexc.apiSecret(), mexc.recvWindow(),
        mexc.timeSyncInterval(), clock);
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

  @Bean
  ExchangeAccounts exchangeAccounts(
      ExchangeProvider exchange,
      DepositSnapshots depositSnapshots,
      TenantRepository tenants,
      OkHttpClient exchangeHttpClient,
      MexcProperties mexc,
      ExchangeProperties properties,
      PaymentSettings payments,
      Clock clock) {
    ExchangeAccounts.Connector connector =
        (apiKey, apiSecret) ->
            new MexcExchangeProvider(
                new MexcClient(
                    exchangeHttpClient, mexc::baseUrl, apiKey, apiSecret, mexc.recvWindow(), mexc.timeSyncInterval(),
                    clock),
                properties,
                clock);
    return new ExchangeAccounts(
        exchange, depositSnapshots, mexc.apiKey(), tenants, connector,
        provider -> new DepositSnapshots(provider, properties, payments.pollingInterval(), clock),
        clock);
  }

  @Bean
  ExchangePrices exchangePrices(ExchangeProvider exchange, ExchangeProperties properties, Clock clock) {
    return new ExchangePrices(exchange, properties, clock);
  }
}
