package com.deltaenergy.invoicing.api.pay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code perMinute} requests a minute to the pay pages from one client IP, as a Bucket4j
 * token bucket per IP holding {@code perMinute} tokens, refilled in full a minute after the bucket
 * started (not trickled back, so the 61st request in a minute is always refused). A refused
 * request gets 429 with Retry-After: the seconds until the refill. A page polling its status every
 * 1.5 s uses 40 of the 60. The client IP is
 * the connection's address (behind a proxy, server.forward-headers-strategy makes it the
 * forwarded one). Buckets of idle IPs expire, and at most {@code maxClients} are kept, so a flood of
 * addresses cannot exhaust memory. Self-hosted assets (/pay/assets) are not counted.
 */
public class PayRateLimitFilter extends OncePerRequestFilter {

  private final long perMinute;
  private final Cache<String, Bucket> buckets;

  public PayRateLimitFilter(long perMinute, long maxClients) {
    this.perMinute = perMinute;
    this.buckets =
        Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(maxClients).build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/pay/assets/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = buckets.get(request.getRemoteAddr(), ip -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write(
        ("Too many requests: please wait " + seconds + " s and try again.\n").getBytes(StandardCharsets.UTF_8));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }
}
