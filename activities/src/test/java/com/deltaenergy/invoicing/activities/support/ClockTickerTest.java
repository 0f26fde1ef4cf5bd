package com.deltaenergy.invoicing.activities.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
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
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    Cache<String, String> cache =
        Caffeine.newBuilder()
            .ticker(ClockTicker.of(clock))
            .executor(Runnable::run)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    cache.put("k", "v");

    now.set(now.get().plusSeconds(29));
    assertThat(cache.getIfPresent("k")).isEqualTo("v");

    now.set(now.get().plusSeconds(1));
    assertThat(cache.getIfPresent("k")).isNull();
  }
}
