package com.deltaenergy.invoicing.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryRetryPolicyTest {

  @Test
  void waitsThirtySecondsThenTwiceAsLongEachTimeUpToHalfAnHour() {
    assertThat(DeliveryRetryPolicy.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(DeliveryRetryPolicy.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(DeliveryRetryPolicy.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(DeliveryRetryPolicy.waitAfter(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(DeliveryRetryPolicy.waitAfter(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(DeliveryRetryPolicy.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void isTheSameBackOffAsTheActivityRetryPolicy() {
    RetryOptions options = DeliveryRetryPolicy.retryOptions();

    assertThat(options.getInitialInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.getBackoffCoefficient()).isEqualTo(2.0);
    assertThat(options.getMaximumInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(options.getMaximumAttempts()).isZero(); // unlimited: the schedule-to-close timeout ends it
    // Temporal's wait before attempt n+1 is min(initial × coefficient^(n-1), maximum).
    for (int failed = 1; failed <= 8; failed++) {
      double seconds = Math.min(
          options.getInitialInterval().toSeconds() * Math.pow(options.getBackoffCoefficient(), failed - 1),
          options.getMaximumInterval().toSeconds());
      assertThat(DeliveryRetryPolicy.waitAfter(failed - 1)).isEqualTo(Duration.ofSeconds((long) seconds));
    }
  }
}
