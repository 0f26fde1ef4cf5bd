package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExchangeCallPaceTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  @Test
  void callsWithinTheLimitGoAtOnceAndTheNextWaitsUntilTheOldestLeavesTheWindow() {
    ExchangeCallPace pace = new ExchangeCallPace(3, Duration.ofSeconds(10), Duration.ofSeconds(30), now::get);

    assertThat(pace.reserve("MEXC", "POST /address")).isZero();
    now.addAndGet(2 * SECOND);
    assertThat(pace.reserve("MEXC", "POST /address")).isZero();
    assertThat(pace.reserve("MEXC", "POST /address")).isZero();
    // The fourth in the window: when the first (10 s after it) leaves, 8 s from now.
    assertThat(pace.reserve("MEXC", "POST /address")).isEqualTo(8 * SECOND);
    // The fifth and sixth: after the second and third, both 10 s after theirs.
    assertThat(pace.reserve("MEXC", "POST /address")).isEqualTo(10 * SECOND);
    assertThat(pace.reserve("MEXC", "POST /address")).isEqualTo(10 * SECOND);
  }

  @Test
  void endpointsHaveALimitEach() {
    ExchangeCallPace pace = new ExchangeCallPace(1, Duration.ofSeconds(10), Duration.ofSeconds(30), now::get);

    assertThat(pace.reserve("MEXC", "POST /address")).isZero();
    assertThat(pace.reserve("MEXC", "GET /deposits")).isZero();
    assertThat(pace.reserve("MEXC", "POST /address")).isEqualTo(10 * SECOND);
  }

  @Test
  void aCallThatWouldWaitLongerThanTheLongestWaitFailsAtOnceAsRateLimitedAndReservesNothing() {
    ExchangeCallPace pace = new ExchangeCallPace(2, Duration.ofSeconds(10), Duration.ofSeconds(5), now::get);
    pace.reserve("MEXC", "POST /address");
    now.addAndGet(1 * SECOND);
    pace.reserve("MEXC", "POST /address");

    assertThatThrownBy(() -> pace.reserve("MEXC", "POST /address"))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9));
              assertThat(e.getMessage()).contains("MEXC POST /address");
            });
    // Refused calls took no place: 5 s later the third goes, as it would have.
    now.addAndGet(5 * SECOND);
    assertThat(pace.reserve("MEXC", "POST /address")).isEqualTo(4 * SECOND);
  }

  /**
   * Whatever the arrivals: no window of the exchange's length ever holds more than the limit, as
   * the exchange counts (a sliding window), and no call waits while the window before it has room.
   */
  @Test
  void anyWindowHoldsAtMostTheLimitAndNoCallWaitsWithoutNeed() {
    int limit = 50;
    long window = 10 * SECOND;
    ExchangeCallPace pace = new ExchangeCallPace(limit, Duration.ofNanos(window), Duration.ofDays(1), now::get);
    Random random = new Random(15);
    List<Long> moments = new ArrayList<>();
    for (int call = 0; call < 5_000; call++) {
      // Bursts and lulls: mostly microseconds apart, now and then seconds.
      now.addAndGet(random.nextInt(20) == 0 ? random.nextInt(15) * SECOND : random.nextInt(1_000_000));
      long wait = pace.reserve("MEXC", "POST /address");
      long moment = now.get() + wait;
      if (wait > 0) {
        // A nanosecond earlier, the window before the call would have held the limit already.
        long earlier = moment - 1;
        assertThat(moments.stream().filter(m -> m > earlier - window && m <= earlier).count())
            .as("calls in the window before a call that waited, had it gone a nanosecond earlier")
            .isGreaterThanOrEqualTo(limit);
      }
      moments.add(moment);
    }
    for (int i = limit; i < moments.size(); i++) {
      assertThat(moments.get(i) - moments.get(i - limit))
          .as("call %d and the one %d before it", i, limit)
          .isGreaterThanOrEqualTo(window);
    }
  }
}
