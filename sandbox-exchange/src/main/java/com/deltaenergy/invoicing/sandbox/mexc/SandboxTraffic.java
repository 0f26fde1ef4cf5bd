package com.deltaenergy.invoicing.sandbox.mexc;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Calls per MEXC endpoint (in total and the most seen in any rate-limit window) and the faults
 * currently injected. The counts let tests check that the system never exceeds MEXC's limit.
 */
@Component
public class SandboxTraffic {

  /**
   * Faults to inject: a share of calls answered with {@code status} (e.g. 503, or 429 with
   * Retry-After), and extra latency on every call.
   */
  public record Faults(double errorRate, int status, long retryAfterSeconds, long latencyMs, String venue) {
    public static final Faults NONE = new Faults(0, 503, 0, 0);

    /** Faults on every emulated exchange. */
    public Faults(double errorRate, int status, long retryAfterSeconds, long latencyMs) {
      this(errorRate, status, retryAfterSeconds, latencyMs, null);
    }

    /** Whether the faults apply to a request: all venues, or the one named ("mexc", "binance"). */
    public boolean appliesTo(String requestUri) {
      if (venue == null) {
        return true;
      }
      boolean binance = requestUri.startsWith("/sandbox/binance/");
      return "binance".equals(venue) == binance;
    }
  }

  /** What the sandbox saw of one endpoint; snake_case JSON like the rest of the control API. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record EndpointStats(long calls, long rejectedByRateLimit, long injectedFaults, int maxCallsInWindow) {}

  private final SandboxProperties properties;
  private final Clock clock;
  private final Map<String, Counter> counters = new TreeMap<>();
  private volatile Faults faults = Faults.NONE;

  public SandboxTraffic(SandboxProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Counts the call; false when it is over the rate limit and must be refused. */
  synchronized boolean admit(String endpoint) {
    Counter counter = counters.computeIfAbsent(endpoint, e -> new Counter());
    long now = clock.millis();
    long windowStart = now - properties.rateLimitWindow().toMillis();
    while (!counter.recent.isEmpty() && counter.recent.peekFirst() <= windowStart) {
      counter.recent.pollFirst();
    }
    counter.calls++;
    if (counter.recent.size() >= properties.rateLimitPerWindow()) {
      counter.rejected++;
      return false;
    }
    counter.recent.addLast(now);
    counter.maxInWindow = Math.max(counter.maxInWindow, counter.recent.size());
    return true;
  }

  synchronized void recordInjectedFault(String endpoint) {
    counters.computeIfAbsent(endpoint, e -> new Counter()).injected++;
  }

  public Faults faults() {
    return faults;
  }

  public void setFaults(Faults faults) {
    this.faults = faults;
  }

  public synchronized Map<String, EndpointStats> stats() {
    Map<String, EndpointStats> stats = new TreeMap<>();
    counters.forEach(
        (endpoint, c) -> stats.put(endpoint, new EndpointStats(c.calls, c.rejected, c.injected, c.maxInWindow)));
    return stats;
  }

  public synchronized void reset() {
    counters.clear();
  }

  private static final class Counter {
    private final Deque<Long> recent = new ArrayDeque<>();
    private long calls;
    private long rejected;
    private long injected;
    private int maxInWindow;
  }
}
