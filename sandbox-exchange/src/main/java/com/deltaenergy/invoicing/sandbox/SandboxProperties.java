package com.deltaenergy.invoicing.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox exchange.
 *
 * @param apiKey the one API key the sandbox accepts (MEXC's X-MEXC-APIKEY)
 * @param apiSecret its secret, used to verify request signatures
 * @param stateFile where addresses, deposits and prices are kept across restarts; none keeps
 *     them in memory only
 * @param confirmationInterval a new confirmation every this long; zero means deposits only gain
 *     confirmations when told to
 * @param rateLimitPerWindow MEXC's limit: requests per endpoint per {@code rateLimitWindow}
 * @param adminKey lets the control endpoints (deposits, prices, faults) answer requests from other
 *     machines that present it as {@code X-Sandbox-Admin-Key}; without it they answer loopback only
 */
@ConfigurationProperties("invoicing.sandbox")
public record SandboxProperties(
    @DefaultValue("sandbox-key") String apiKey,
    @DefaultValue("sandbox-secret") String apiSecret,
    Path stateFile,
    @DefaultValue("2s") Duration confirmationInterval,
    @DefaultValue("500") int rateLimitPerWindow,
    @DefaultValue("10s") Duration rateLimitWindow,
    String adminKey) {

  @Override
  public String toString() {
    return "SandboxProperties[stateFile=" + stateFile + ", confirmationInterval=" + confirmationInterval + "]";
  }
}
