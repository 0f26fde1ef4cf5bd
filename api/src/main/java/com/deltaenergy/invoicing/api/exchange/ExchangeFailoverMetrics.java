package com.deltaenergy.invoicing.api.exchange;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code exchange_failover_switches_total} on /actuator/prometheus: every recorded move of issuing
 * from one exchange to another, whichever worker saw it (the workers record, the API counts).
 */
@Component
public class ExchangeFailoverMetrics implements MeterBinder {

  private final ExchangeProviderRepository providers;

  public ExchangeFailoverMetrics(ExchangeProviderRepository providers) {
    this.providers = providers;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("exchange.failover.switches", providers, ExchangeProviderRepository::switchCount)
        .description("Moves of invoice issuing from one exchange to another")
        .register(registry);
  }
}
