package com.deltaenergy.invoicing.activities.exchange;

import java.time.Duration;

/**
 * A failed exchange call, classified by what the caller should do about it. Messages never carry
 * credentials, signatures or signed URLs.
 */
public class ExchangeException extends RuntimeException {

  /** What kind of failure, which decides whether retrying can help. */
  public enum Kind {
    /** Bad key, signature, permission or IP allow-list: retrying cannot help. */
    AUTHENTICATION(false),
    /** Rate limited: retry after {@link #retryAfter()}. */
    RATE_LIMITED(true),
    /** Server errors, timeouts, connection errors, "no address available": retry. */
    UNAVAILABLE(true),
    /** The exchange refused the request itself (bad parameter, unknown symbol): do not retry. */
    REJECTED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  public ExchangeException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** How long to wait before retrying, when the exchange said so, else null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
