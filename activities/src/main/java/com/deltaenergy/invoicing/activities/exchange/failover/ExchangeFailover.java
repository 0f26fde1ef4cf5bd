package com.deltaenergy.invoicing.activities.exchange.failover;

import com.deltaenergy.invoicing.activities.exchange.ExchangeAccounts.Account;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.notification.OperationsAlerts;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which exchange account issues a tenant's next invoice: the first of its ordered list that is
 * healthy. Health is the periodic check's verdict plus live failures: each account has a
 * Resilience4j circuit breaker that opens when most recent calls failed and lets one trial call
 * through after {@code openFor}. A move of issuing from one provider to another is logged,
 * recorded once (the Prometheus counter reads the records) and mailed to operations once.
 */
public class ExchangeFailover {

  private static final Logger log = LoggerFactory.getLogger(ExchangeFailover.class);

  /** What was issued, and on which account. */
  public record Issued<T>(T value, Account account) {}

  private final CircuitBreakerRegistry breakers;
  private final ExchangeProviderRepository records;
  private final OperationsAlerts alerts;
  private final Clock clock;
  private final Map<String, Boolean> periodic = new ConcurrentHashMap<>();
  private final Map<Long, String> issuingProvider = new ConcurrentHashMap<>();

  public ExchangeFailover(ExchangeProviderRepository records, OperationsAlerts alerts, Duration openFor, Clock clock) {
    this.records = records;
    this.alerts = alerts;
    this.clock = clock;
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A refused request (bad parameter) says nothing about the exchange's health, nor
                // does being asked to slow down (ExchangeCallPace, or the exchange's own 429).
                .recordException(e -> e instanceof ExchangeException x && x.kind() != ExchangeException.Kind.REJECTED
                    && x.kind() != ExchangeException.Kind.RATE_LIMITED)
                .build());
  }

  /** The periodic check's verdict on an account. */
  public void checked(Account account, boolean healthy) {
    Boolean before = periodic.put(account.id(), healthy);
    if (before == null || before != healthy) {
      log.info("{} ({}) periodic check: {}", account.exchange().name(), account.id(), healthy ? "healthy" : "unhealthy");
    }
  }

  /** Neither the periodic check nor live failures have taken the account out of use. */
  public boolean available(Account account) {
    CircuitBreaker.State state = breaker(account).getState();
    return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN
        && !Boolean.FALSE.equals(periodic.get(account.id()));
  }

  /** The circuit breaker's state, for the health listing. */
  public String state(Account account) {
    return breaker(account).getState().name().toLowerCase();
  }

  /** A call to the account through its circuit breaker; an open breaker fails fast. */
  public <T> T call(Account account, java.util.function.Supplier<T> call) {
    try {
      return breaker(account).executeSupplier(call);
    } catch (CallNotPermittedException e) {
      throw new ExchangeException(
          ExchangeException.Kind.UNAVAILABLE,
          account.exchange().name() + " is out of use after repeated failures (circuit breaker open)", null, e);
    }
  }

  /** Records a live outcome of a call made elsewhere (the scanner's history reads). */
  public void outcome(Account account, ExchangeException failure) {
    CircuitBreaker breaker = breaker(account);
    if (!breaker.tryAcquirePermission()) {
      return;
    }
    if (failure == null) {
      breaker.onSuccess(0, java.util.concurrent.TimeUnit.MILLISECONDS);
    } else {
      breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, failure);
    }
  }

  /**
   * Runs {@code call} on the first available account of the tenant's list; if it fails, on the
   * next (unless it was only rate limited). Accounts out of use are tried last, in order, rather
   * than issuing nothing.
   */
  public <T> Issued<T> first(long tenantId, List<Account> ordered, Function<Account, T> call) {
    if (ordered.size() == 1) {
      // Nothing to fail over to: the activity's own retries are the only remedy.
      return new Issued<>(call.apply(ordered.get(0)), ordered.get(0));
    }
    List<Account> tries = new ArrayList<>(ordered.stream().filter(this::available).toList());
    ordered.stream().filter(a -> !tries.contains(a)).forEach(tries::add);
    List<String> skipped = new ArrayList<>();
    ExchangeException last = null;
    for (Account account : tries) {
      try {
        T value = call(account, () -> call.apply(account));
        issuedOn(tenantId, ordered, account, skipped);
        return new Issued<>(value, account);
      } catch (ExchangeException e) {
        if (e.kind() == ExchangeException.Kind.REJECTED && tries.size() == 1) {
          throw e;
        }
        if (e.kind() == ExchangeException.Kind.RATE_LIMITED) {
          // A healthy exchange pacing us: wait for it (the activity retries after the time it
          // gives) rather than move the tenant's issuing to the next provider and back, with an
          // operations alert each way, as a burst of creates did before.
          throw e;
        }
        last = e;
        skipped.add(account.exchange().name() + ": " + e.getMessage());
        log.warn("Issuing on {} failed, trying the next provider: {}", account.exchange().name(), e.getMessage());
      }
    }
    throw last != null ? last : new ExchangeException(ExchangeException.Kind.UNAVAILABLE, "no exchange configured", null, null);
  }

  private void issuedOn(long tenantId, List<Account> ordered, Account account, List<String> skipped) {
    String now = account.exchange().name();
    String before = issuingProvider.put(tenantId, now);
    if (before == null || before.equals(now)) {
      return;
    }
    boolean back = !ordered.isEmpty() && ordered.get(0).equals(account);
    String reason =
        back ? now + " is healthy again" : String.join("; ", skipped.isEmpty() ? List.of(before + " is out of use") : skipped);
    log.warn("Exchange failover for tenant {}: issuing moves from {} to {} ({})", tenantId, before, now, reason);
    // Workers noticing the same switch within the same minute record (and mail) it once.
    String key = "exchange-switch:" + tenantId + ":" + before + "->" + now + ":" + clock.instant().getEpochSecond() / 60;
    if (records.recordSwitch(key, tenantId, before, now, reason, clock.instant())) {
      alerts.raise(
          key,
          "Exchange failover: new invoices now issued on " + now + " instead of " + before,
          "New invoices of tenant " + tenantId + " take their deposit address from " + now + " since "
              + clock.instant() + ".\nReason: " + reason + "\nInvoices already issued stay watched on the exchange that issued them.");
    }
  }

  private CircuitBreaker breaker(Account account) {
    return breakers.circuitBreaker(account.id());
  }
}
