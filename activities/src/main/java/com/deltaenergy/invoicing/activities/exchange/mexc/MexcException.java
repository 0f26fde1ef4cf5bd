package com.deltaenergy.invoicing.activities.exchange.mexc;

import com.deltaenergy.invoicing.activities.exchange.ExchangeCallException;
import java.time.Duration;
import java.util.Set;

/** A failed MEXC call, with MEXC's HTTP status and error code. */
public class MexcException extends ExchangeCallException {

  /** MEXC codes for credentials the exchange will not accept (spot v3 and its legacy codes). */
  static final Set<Integer> AUTHENTICATION_CODES =
      Set.of(400, 401, 602, 10072, 700001, 700002, 700006, 700007, 730706, 730707);
  /** MEXC codes that mean "try again later". */
  static final Set<Integer> TRANSIENT_CODES = Set.of(500, 503, 504, 10216, 10219, 20002);
  /** Timestamp outside recvWindow: the clock is re-read and the call repeated. */
  static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = 700003;

  public MexcException(
      Kind kind, String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
    super(kind, message, httpStatus, code, retryAfter, cause);
  }

  static Kind classify(int httpStatus, Integer code) {
    if (httpStatus == 429 || httpStatus == 418 || (code != null && code == 429)) {
      return Kind.RATE_LIMITED;
    }
    if (httpStatus == 401 || httpStatus == 403 || (code != null && AUTHENTICATION_CODES.contains(code))) {
      return Kind.AUTHENTICATION;
    }
    if (httpStatus >= 500 || (code != null && TRANSIENT_CODES.contains(code))
        || (code != null && code == TIMESTAMP_OUTSIDE_RECV_WINDOW)) {
      return Kind.UNAVAILABLE;
    }
    return Kind.REJECTED;
  }

}
