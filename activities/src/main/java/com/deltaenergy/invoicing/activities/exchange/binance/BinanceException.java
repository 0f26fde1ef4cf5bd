package com.deltaenergy.invoicing.activities.exchange.binance;

import com.deltaenergy.invoicing.activities.exchange.ExchangeCallException;
import java.time.Duration;
import java.util.Set;

/** A failed Binance call, with Binance's HTTP status and (negative) error code. */
public class BinanceException extends ExchangeCallException {

  /**
   * -2014 API-key format invalid, -2015 invalid key, IP or permissions, -1022 invalid signature,
   * -1002 unauthorized, -2008 invalid API-key id: retrying cannot help.
   */
  static final Set<Integer> AUTHENTICATION_CODES = Set.of(-1002, -1022, -2008, -2014, -2015);
  /** -1000 unknown, -1001 disconnected, -1006/-1007 unexpected response or timeout: try again later. */
  static final Set<Integer> TRANSIENT_CODES = Set.of(-1000, -1001, -1006, -1007, -1008);
  /** -1003 too many requests, -1015 too many new orders: back off. */
  static final Set<Integer> RATE_LIMIT_CODES = Set.of(-1003, -1015);
  /** Timestamp outside recvWindow: the clock is re-read and the call repeated. */
  static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;

  public BinanceException(
      Kind kind, String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
    super(kind, message, httpStatus, code, retryAfter, cause);
  }

  /**
   * 429 is a rate limit, 418 an IP ban after ignoring 429s (both carry Retry-After); 5xx means the
   * outcome is unknown and the call may be repeated; 4xx are the caller's fault.
   */
  static Kind classify(int httpStatus, Integer code) {
    if (httpStatus == 429 || httpStatus == 418 || (code != null && RATE_LIMIT_CODES.contains(code))) {
      return Kind.RATE_LIMITED;
    }
    if (httpStatus == 401 || httpStatus == 403 || (code != null && AUTHENTICATION_CODES.contains(code))) {
      return Kind.AUTHENTICATION;
    }
    if (httpStatus >= 500 || (code != null && (TRANSIENT_CODES.contains(code) || code == TIMESTAMP_OUTSIDE_RECV_WINDOW))) {
      return Kind.UNAVAILABLE;
    }
    return Kind.REJECTED;
  }

}
