package com.deltaenergy.invoicing.app.embedded;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Unless MEXC credentials (MEXC_API_KEY) or MEXC_BASE_URL are set, the embedded default talks to
 * its own sandbox exchange on the API's port under /sandbox (MEXC first, Binance as the failover),
 * with credentials generated for this run: the same client code, real HTTP, real signatures. A user
 * who sets real keys gets the real MEXC (MEXC_BASE_URL, by default https://api.mexc.com) and no
 * sandbox at all.
 */
public class SandboxExchangeEnvironment implements EnvironmentPostProcessor {

  static final String SOURCE = "embeddedSandboxExchange";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean realExchange =
        !environment.getProperty("MEXC_BASE_URL", "").isBlank()
            || !environment.getProperty("MEXC_API_KEY", "").isBlank()
            || !environment.getProperty("invoicing.mexc.api-key", "").isBlank();
    boolean disabled = !environment.getProperty("invoicing.sandbox.enabled", Boolean.class, true);
    if (realExchange || disabled) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of("invoicing.sandbox.enabled", "false")));
      return;
    }
    SecureRandom random = new SecureRandom();
    String key = "mx0sandbox" + HexFormat.of().formatHex(bytes(random, 8));
    String secret = HexFormat.of().formatHex(bytes(random, 16));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    "invoicing.mexc.base-url", "http://127.0.0.1:${server.port}/sandbox",
                    "invoicing.mexc.api-key", key,
                    "invoicing.mexc.api-secret", secret,
                    // The sandbox's Binance account: the second provider new invoices fail over to.
                    "invoicing.binance.base-url", "http://127.0.0.1:${server.port}/sandbox/binance",
                    "invoicing.binance.api-key", key,
                    "invoicing.binance.api-secret", secret,
                    "invoicing.sandbox.api-key", key,
                    "invoicing.sandbox.api-secret", secret)));
  }

  private static byte[] bytes(SecureRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
