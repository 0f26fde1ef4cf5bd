package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CfoRetryScheduleTest {

  @Test
  void attemptsOneTwoThreeAreFollowedAfterOneFiveAndFifteenMinutes() {
    assertThat(IntStream.rangeClosed(0, 5).mapToObj(CfoRetrySchedule::delayAfter).toList())
        .containsExactly(
            Duration.ofMinutes(1), // the test environment's attempt 0 counts as the first
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
  }
}
