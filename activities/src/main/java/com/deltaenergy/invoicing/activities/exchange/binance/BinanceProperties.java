package com.deltaenergy.invoicing.activities.exchange.binance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to Binance (BINANCE_API_KEY / BINANCE_API_SECRET / BINANCE_BASE_URL). Binance serves
 * the Spot API and the wallet endpoints (SAPI) from the same host.
 *
 * @param recvWindow how long after its timestamp a signed request stays valid (Binance: ≤ 60 s)
 */
@ConfigurationProperties("invoicing.binance")
public record BinanceProperties(
    @DefaultValue("https://api.binance.com") String baseUrl,
    @DefaultValue("") String apiKey,
    @DefaultValue("") String apiSecret,
    @DefaultValue("5s") Duration recvWindow,
    @DefaultValue("5m") Duration timeSyncInterval) {

  /** Never print the secret. */
  @Override
  public String toString() {
    return "BinanceProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + "]";
  }
}
