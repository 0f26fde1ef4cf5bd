package com.deltaenergy.invoicing.activities.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.MutableClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockTickerTest {

  @Test
  void readsTheClockInNanoseconds() {
    Instant at = Instant.parse("2026-11-21T10:00:00.123456789Z");

    long nanos = ClockTicker.of(Clock.fixed(at, ZoneOffset.UTC)).read();

    assertThat(nanos).isEqualTo(at.getEpochSecond() * 1_000_000_000L + 123_456_789L);
  }

  @Test
  void aCacheOnItExpiresWhenTheClockMovesPastItsTimeToLive() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    Cache<String, String> cache =
        Caffeine.newBuilder()
            .ticker(ClockTicker.of(clock))
            .executor(Runnable::run)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    cache.put("k", "v");

    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.getIfPresent("k")).isEqualTo("v");

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.getIfPresent("k")).isNull();
  }
}
