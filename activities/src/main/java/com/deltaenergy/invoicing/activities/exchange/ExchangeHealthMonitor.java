package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.exchange.failover.ExchangeFailover;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every exchange account of the environment every 30 s, records the results for the API
 * and the health endpoint, and gives the verdicts to failover.
 */
@Component
@ConditionalOnProperty(name = "invoicing.exchange.health-check-enabled", havingValue = "true", matchIfMissing = true)
public class ExchangeHealthMonitor {

  private static final Logger log = LoggerFactory.getLogger(ExchangeHealthMonitor.class);

  private final ExchangeAccounts accounts;
  private final ExchangeFailover failover;
  private final ExchangeHealthRepository health;
  private final Map<String, Boolean> lastHealthy = new ConcurrentHashMap<>();

  public ExchangeHealthMonitor(ExchangeAccounts accounts, ExchangeFailover failover, ExchangeHealthRepository health) {
    this.accounts = accounts;
    this.failover = failover;
    this.health = health;
  }

  @Scheduled(
      initialDelayString = "${invoicing.exchange.health-check-initial-delay:5s}",
      fixedDelayString = "${invoicing.exchange.health-check-interval:30s}")
  public void check() {
    for (ExchangeAccounts.Account account : accounts.environmentAccounts()) {
      ExchangeCheck check = account.exchange().check();
      health.save(check);
      failover.checked(account, check.healthy());
      Boolean before = lastHealthy.put(account.id(), check.healthy());
      if (before == null || before != check.healthy()) {
        if (check.healthy()) {
          log.info("{} is healthy ({} ms, clock skew {} ms)", check.provider(), check.latencyMillis(), check.clockSkewMillis());
        } else {
          log.warn("{} is unhealthy: {}", check.provider(), check.problems());
        }
      }
    }
  }
}
