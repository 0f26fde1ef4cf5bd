package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks the exchange every 30 s and records the result for the API and the health endpoint. */
@Component
@ConditionalOnProperty(name = "invoicing.exchange.health-check-enabled", havingValue = "true", matchIfMissing = true)
public class ExchangeHealthMonitor {

  private static final Logger log = LoggerFactory.getLogger(ExchangeHealthMonitor.class);

  private final ExchangeProvider exchange;
  private final ExchangeHealthRepository health;
  private volatile Boolean lastHealthy;

  public ExchangeHealthMonitor(ExchangeProvider exchange, ExchangeHealthRepository health) {
    this.exchange = exchange;
    this.health = health;
  }

  @Scheduled(
      initialDelayString = "${invoicing.exchange.health-check-initial-delay:5s}",
      fixedDelayString = "${invoicing.exchange.health-check-interval:30s}")
  public void check() {
    ExchangeCheck check = exchange.check();
    health.save(check);
    if (lastHealthy == null || lastHealthy != check.healthy()) {
      if (check.healthy()) {
        log.info("{} is healthy ({} ms, clock skew {} ms)", check.provider(), check.latencyMillis(), check.clockSkewMillis());
      } else {
        log.warn("{} is unhealthy: {}", check.provider(), check.problems());
      }
    }
    lastHealthy = check.healthy();
  }
}
