package com.deltaenergy.invoicing.api.exchange;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The exchange as the workers last saw it (under {@code exchange} in /actuator/health). Reported
 * as UNKNOWN rather than DOWN when no worker has checked recently, so the API's own health does
 * not depend on a worker being up.
 */
@Component("exchange")
public class ExchangeHealthIndicator implements HealthIndicator {

  /**
   * The exchange being down degrades the service (no new addresses, payments seen late) but does
   * not make the API unfit to serve: it must not take the API out of a load balancer. Mapped to
   * HTTP 200 and ranked between DOWN and UP in api-defaults.yml.
   */
  public static final Status DEGRADED = new Status("DEGRADED", "the exchange is unreachable or refuses our calls");

  private static final Duration STALE_AFTER = Duration.ofMinutes(2);

  private final ExchangeHealthRepository health;
  private final Clock clock;

  public ExchangeHealthIndicator(ExchangeHealthRepository health, Clock clock) {
    this.health = health;
    this.clock = clock;
  }

  @Override
  public Health health() {
    return health.latest()
        .map(
            check -> {
              boolean stale = check.checkedAt().isBefore(clock.instant().minus(STALE_AFTER));
              Health.Builder builder =
                  stale ? Health.status(Status.UNKNOWN) : check.healthy() ? Health.up() : Health.status(DEGRADED);
              return builder
                  .withDetail("provider", check.provider())
                  .withDetail("checked_at", check.checkedAt().toString())
                  .withDetail("latency_ms", check.latencyMillis())
                  .withDetail("clock_skew_ms", check.clockSkewMillis())
                  .withDetail("problems", check.problems())
                  .build();
            })
        .orElseGet(() -> Health.unknown().withDetail("reason", "no worker has checked the exchange yet").build());
  }
}
