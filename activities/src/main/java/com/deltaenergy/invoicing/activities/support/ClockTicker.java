package com.deltaenergy.invoicing.activities.support;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Caffeine's time source read from the process's {@link Clock}: a cache entry expires when the
 * clock says so, and a test that moves its clock moves every cache with it.
 */
public final class ClockTicker implements Ticker {

  private final Clock clock;

  private ClockTicker(Clock clock) {
    this.clock = clock;
  }

  public static Ticker of(Clock clock) {
    return new ClockTicker(clock);
  }

  @Override
  public long read() {
    return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
  }
}
