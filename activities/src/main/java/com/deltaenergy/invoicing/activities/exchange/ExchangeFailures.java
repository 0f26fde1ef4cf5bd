package com.deltaenergy.invoicing.activities.exchange;

import io.temporal.failure.ApplicationFailure;

/**
 * Turns exchange failures into Temporal activity failures: credentials and rejected requests are
 * non-retryable (with a clear message); rate limits retry after the exchange's Retry-After;
 * outages and timeouts retry under the activity's retry policy.
 */
public final class ExchangeFailures {

  public static final String AUTHENTICATION = "ExchangeAuthenticationFailed";
  public static final String REJECTED = "ExchangeRequestRejected";
  public static final String RATE_LIMITED = "ExchangeRateLimited";
  public static final String UNAVAILABLE = "ExchangeUnavailable";

  private ExchangeFailures() {}

  public static ApplicationFailure toActivityFailure(ExchangeException e) {
    return switch (e.kind()) {
      case AUTHENTICATION -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), AUTHENTICATION);
      case REJECTED -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), REJECTED);
      case RATE_LIMITED ->
          e.retryAfter() == null
              ? ApplicationFailure.newFailure(e.getMessage(), RATE_LIMITED)
              : ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), RATE_LIMITED, null, e.retryAfter());
      case UNAVAILABLE -> ApplicationFailure.newFailure(e.getMessage(), UNAVAILABLE);
    };
  }
}
