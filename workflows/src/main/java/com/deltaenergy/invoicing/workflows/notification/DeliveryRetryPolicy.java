package com.deltaenergy.invoicing.workflows.notification;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The one back-off of notification delivery: the first retry after 30 seconds, each wait twice the
 * last, never more than half an hour. An invoice's workflow retries its deliveries by it (as the
 * activity's {@link #retryOptions()}); the sweep retries by it the notices no workflow drives
 * (operations alerts, deposits on closed invoices, notices of lost runs) with {@link #waitAfter}.
 */
public final class DeliveryRetryPolicy {

  public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  /** Each wait is this many times the last (a whole number: no floating point near money code). */
  public static final int BACKOFF_FACTOR = 2;
  public static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

  private DeliveryRetryPolicy() {}

  /** The policy as a Temporal activity retry policy. */
  public static RetryOptions retryOptions() {
    return RetryOptions.newBuilder()
        .setInitialInterval(FIRST_WAIT)
        .setBackoffCoefficient(BACKOFF_FACTOR)
        .setMaximumInterval(LONGEST_WAIT)
        .build();
  }

  /**
   * How long to wait before the next attempt, when the attempt that just failed had {@code
   * failedBefore} failed attempts before it: what Temporal waits under {@link #retryOptions()}.
   */
  public static Duration waitAfter(int failedBefore) {
    Duration wait = FIRST_WAIT;
    for (int i = 0; i < failedBefore && wait.compareTo(LONGEST_WAIT) < 0; i++) {
      wait = wait.multipliedBy(BACKOFF_FACTOR);
    }
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }
}
