package com.deltaenergy.invoicing.activities.exchange;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps an exchange client's calls within the exchange's rate limit, per endpoint, so that a burst
 * (a 1,000-row import asks for 1,000 deposit addresses) waits its turn here instead of being
 * answered 429 and taken for an outage: before this, such a burst failed issuing over to the next
 * provider and back, with an operations alert each way.
 *
 * <p>MEXC counts a sliding window: at most 500 requests per endpoint in any 10 seconds. So does
 * this: each call reserves the earliest moment at which the window before it holds fewer than
 * {@code callsPerWindow} calls, in the order the calls arrive, and waits until then. (A token
 * bucket, Bucket4j's or Resilience4j's fixed cycles, either lets up to twice the limit through
 * across a cycle's edge or paces below the limit, so it is not used here.) A call that would wait
 * longer than {@code maxWait} waits not at all: it fails as {@link ExchangeException.Kind#RATE_LIMITED}
 * with the time to try again, and the activity's retry comes back then.
 *
 * <p>The pace is per client, i.e. per exchange account in this process; several worker processes
 * on one account each keep their own, and a 429 the exchange still sends is retried the same way.
 */
public final class ExchangeCallPace {

  /** MEXC's documented 500 per endpoint per 10 s. The Binance sandbox applies the same. */
  public static final int DOCUMENTED_CALLS_PER_WINDOW = 500;

  public static final Duration DOCUMENTED_WINDOW = Duration.ofSeconds(10);

  /**
   * Added to the window: the exchange counts a call when it arrives, this when it leaves, and a
   * call can arrive sooner after its predecessor than it left. A margin in time rather than in
   * calls: 480 calls per window would cost a whole window for every 480 (a 1,000-call burst would
   * take 20 s instead of 10 s and the time of its last 500), this costs 0.25 s.
   */
  public static final Duration ARRIVAL_MARGIN = Duration.ofMillis(250);

  /** Longer than a workflow task's 10 s timeout would be unwise for the local activity waiting. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private final int callsPerWindow;
  private final long windowNanos;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Reservations> endpoints = new HashMap<>();

  public ExchangeCallPace(int callsPerWindow, Duration window, Duration maxWait, LongSupplier nanoTime) {
    if (callsPerWindow < 1) {
      throw new IllegalArgumentException("callsPerWindow must be at least 1, was " + callsPerWindow);
    }
    this.callsPerWindow = callsPerWindow;
    this.windowNanos = window.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The exchanges' documented limit, on the system's clock. */
  public static ExchangeCallPace documented() {
    return perWindow(DOCUMENTED_CALLS_PER_WINDOW);
  }

  /** {@code callsPerWindow} per endpoint in the documented window (plus the margin), on the system's clock. */
  public static ExchangeCallPace perWindow(int callsPerWindow) {
    return new ExchangeCallPace(callsPerWindow, DOCUMENTED_WINDOW.plus(ARRIVAL_MARGIN), MAX_WAIT, System::nanoTime);
  }

  /**
   * Waits until a call to {@code endpoint} keeps within the limit.
   *
   * @throws ExchangeException of kind RATE_LIMITED if that is further off than the longest wait
   */
  public void await(String exchange, String endpoint) {
    long waitNanos = reserve(exchange, endpoint);
    if (waitNanos <= 0) {
      return;
    }
    try {
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE, exchange + " " + endpoint + ": interrupted while pacing", null, e);
    }
  }

  /**
   * Reserves the call's moment and answers how long to wait for it (0: at once).
   *
   * @throws ExchangeException of kind RATE_LIMITED if that is more than the longest wait
   */
  long reserve(String exchange, String endpoint) {
    long now = nanoTime.getAsLong();
    synchronized (endpoints) {
      Reservations reservations = endpoints.computeIfAbsent(endpoint, e -> new Reservations(callsPerWindow));
      long at = reservations.earliest(now, windowNanos);
      if (at - now > maxWaitNanos) {
        Duration retryAfter = Duration.ofNanos(at - now);
        throw new ExchangeException(
            ExchangeException.Kind.RATE_LIMITED,
            exchange + " " + endpoint + ": " + callsPerWindow + " calls in " + Duration.ofNanos(windowNanos).toSeconds()
                + " s already (the exchange's limit); the next in " + retryAfter.toMillis() + " ms",
            retryAfter,
            null);
      }
      reservations.add(at);
      return at - now;
    }
  }

  /** The moments of an endpoint's last {@code callsPerWindow} calls, oldest first, in a ring. */
  private static final class Reservations {
    private final long[] moments;
    private int size;
    private int oldest;

    Reservations(int capacity) {
      moments = new long[capacity];
    }

    /** The earliest moment from {@code now} with fewer than the limit in the window before it. */
    long earliest(long now, long windowNanos) {
      if (size < moments.length) {
        return Math.max(now, size == 0 ? now : newest());
      }
      return Math.max(now, moments[oldest] + windowNanos);
    }

    void add(long moment) {
      if (size < moments.length) {
        moments[(oldest + size) % moments.length] = moment;
        size++;
      } else {
        moments[oldest] = moment;
        oldest = (oldest + 1) % moments.length;
      }
    }

    private long newest() {
      return moments[(oldest + size - 1) % moments.length];
    }
  }
}
