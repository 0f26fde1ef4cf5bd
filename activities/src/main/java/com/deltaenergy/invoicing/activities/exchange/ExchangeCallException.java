package com.deltaenergy.invoicing.activities.exchange;

import java.time.Duration;

/** A failed call to an exchange's REST API, with its HTTP status and the exchange's error code. */
public class ExchangeCallException extends ExchangeException {

  private final int httpStatus;
  private final Integer code;

  public ExchangeCallException(
      Kind kind, String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
    super(kind, message, retryAfter, cause);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  /** The HTTP status, or 0 when no response came (a timeout, a refused connection). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The exchange's error code, or null when the response carried none (e.g. a bare 502). */
  public Integer code() {
    return code;
  }
}
