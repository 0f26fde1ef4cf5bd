package com.deltaenergy.invoicing.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.PropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Which exchange the embedded default uses: its sandbox, unless the user gave real MEXC settings. */
class SandboxExchangeEnvironmentTest {

  private final SandboxExchangeEnvironment processor = new SandboxExchangeEnvironment();

  /** As worker-defaults.yml maps the environment onto the properties. */
  private static MockEnvironment environment() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty("invoicing.mexc.base-url", "${MEXC_BASE_URL:https://api.mexc.com}");
    environment.setProperty("invoicing.mexc.api-key", "${MEXC_API_KEY:}");
    return environment;
  }

  @Test
  void withoutMexcSettingsTheSandboxIsUsed() {
    MockEnvironment environment = environment();
    environment.setProperty("server.port", "5130");
    processor.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("invoicing.sandbox.enabled", Boolean.class, true)).isTrue();
    assertThat(environment.getProperty("invoicing.mexc.base-url")).isEqualTo("http://127.0.0.1:5130/sandbox");
  }

  @Test
  void anApiKeyAloneMeansTheRealMexcAndNoSandbox() {
    MockEnvironment environment = environment();
    environment.setProperty("MEXC_API_KEY", "mx0realkey");
    environment.setProperty("MEXC_API_SECRET", "realsecret");
    processor.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("invoicing.sandbox.enabled", Boolean.class)).isFalse();
    assertThat(environment.getProperty("invoicing.mexc.base-url")).isEqualTo("https://api.mexc.com");
    assertThat(environment.getProperty("invoicing.mexc.api-key")).isEqualTo("mx0realkey");
    PropertySource<?> added = environment.getPropertySources().get(SandboxExchangeEnvironment.SOURCE);
    assertThat(added.getProperty("invoicing.mexc.api-key")).isNull();
  }

  @Test
  void anExplicitBaseUrlWins() {
    MockEnvironment environment = environment();
    environment.setProperty("MEXC_BASE_URL", "http://127.0.0.1:5999/sandbox");
    environment.setProperty("MEXC_API_KEY", "sandbox-key");
    processor.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("invoicing.sandbox.enabled", Boolean.class)).isFalse();
    assertThat(environment.getProperty("invoicing.mexc.base-url")).isEqualTo("http://127.0.0.1:5999/sandbox");
  }
}
