package com.deltaenergy.invoicing.activities.exchange.mexc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to MEXC's Spot API v3 (MEXC_API_KEY / MEXC_API_SECRET / MEXC_BASE_URL).
 *
 * @param recvWindow how long after its timestamp a signed request stays valid (MEXC: ≤ 60 s)
 * @param timeSyncInterval how often the exchange clock is re-read to correct for skew
 */
@ConfigurationProperties("invoicing.mexc")
public record MexcProperties(
    @DefaultValue("https://api.mexc.com") String baseUrl,
    @DefaultValue("") String apiKey,
    @DefaultValue("") String apiSecret,
    @DefaultValue("5s") Duration recvWindow,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("5m") Duration timeSyncInterval) {

  /** Never print the secret (records print every component by default). */
  @Override
  public String toString() {
    return "MexcProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "***")
        + ", recvWindow=" + recvWindow + "]";
  }
}
