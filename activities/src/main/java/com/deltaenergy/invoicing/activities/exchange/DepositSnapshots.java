package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-coin snapshots of the exchange's deposit history, shared by everything in this process
 * that asks "what reached address X". However many invoices are open, a coin's history is
 * fetched at most once per {@code minFetchSpacing}: one call per coin per poll cycle. A failed or
 * rate-limited fetch is not repeated sooner either, which keeps the process far below MEXC's
 * limit of 500 calls per 10 s per endpoint.
 */
public class DepositSnapshots {

  /** A coin's deposits as fetched at one moment. */
  public record Snapshot(CryptoCurrency coin, Instant fetchedAt, List<ObservedDeposit> deposits) {

    /** Deposits to an address (and memo, when the invoice has one) in this snapshot. */
    public List<ObservedDeposit> to(String address, String memo) {
      String wanted = addressKey(address);
      return deposits.stream()
          .filter(d -> wanted.equals(addressKey(d.address())))
          .filter(d -> memo == null || memo.equals(d.memo()))
          .toList();
    }

    /** The deposit with this transaction id, on any network of the coin. */
    public List<ObservedDeposit> withTxId(String txId) {
      return deposits.stream().filter(d -> txId.equalsIgnoreCase(d.txId())).toList();
    }
  }

  private final ExchangeProvider exchange;
  private final ExchangeProperties properties;
  private final Duration maxAge;
  private final Duration minFetchSpacing;
  private final Clock clock;
  private final Map<CryptoCurrency, Entry> entries = new EnumMap<>(CryptoCurrency.class);
  private final AtomicLong fetches = new AtomicLong();

  /**
   * @param pollingInterval snapshots older than this are refreshed when read; fetches are at least
   *     80 % of it apart unless configured otherwise
   */
  public DepositSnapshots(
      ExchangeProvider exchange, ExchangeProperties properties, Duration pollingInterval, Clock clock) {
    this.exchange = exchange;
    this.properties = properties;
    this.maxAge = pollingInterval;
    this.minFetchSpacing =
        properties.minFetchSpacing() != null ? properties.minFetchSpacing() : pollingInterval.multipliedBy(4).dividedBy(5);
    this.clock = clock;
    for (CryptoCurrency coin : CryptoCurrency.values()) {
      entries.put(coin, new Entry());
    }
  }

  /** A snapshot no older than the configured maximum age; fetched if needed. */
  public Snapshot current(CryptoCurrency coin) {
    return snapshot(coin, maxAge);
  }

  /** The freshest snapshot allowed: fetched now unless one was fetched within the spacing. */
  public Snapshot refresh(CryptoCurrency coin) {
    return snapshot(coin, Duration.ZERO);
  }

  /** How many times deposit history was fetched from the exchange by this process. */
  public long fetches() {
    return fetches.get();
  }

  private Snapshot snapshot(CryptoCurrency coin, Duration maxAge) {
    Entry entry = entries.get(coin);
    entry.lock.lock();
    try {
      Instant now = clock.instant();
      Snapshot snapshot = entry.snapshot;
      if (snapshot != null && !snapshot.fetchedAt().isBefore(now.minus(maxAge))) {
        return snapshot;
      }
      boolean tooSoon =
          entry.lastAttemptAt != null
              && entry.lastAttemptAt.isAfter(now.minus(minFetchSpacing));
      if (tooSoon || (entry.blockedUntil != null && now.isBefore(entry.blockedUntil))) {
        if (entry.lastFailure != null) {
          throw entry.lastFailure;
        }
        if (snapshot != null) {
          return snapshot;
        }
      }
      entry.lastAttemptAt = now;
      try {
        fetches.incrementAndGet();
        List<ObservedDeposit> deposits =
            exchange.deposits(coin, now.minus(properties.historyLookback()), now);
        entry.snapshot = new Snapshot(coin, now, deposits);
        entry.lastFailure = null;
        entry.blockedUntil = null;
        return entry.snapshot;
      } catch (ExchangeException e) {
        entry.lastFailure = e;
        if (e.kind() == ExchangeException.Kind.RATE_LIMITED) {
          entry.blockedUntil = now.plus(Objects.requireNonNullElse(e.retryAfter(), Duration.ofSeconds(10)));
        }
        throw e;
      }
    } finally {
      entry.lock.unlock();
    }
  }

  /** EVM addresses are case-insensitive (EIP-55 case is only a checksum); others are exact. */
  static String addressKey(String address) {
    if (address == null) {
      return "";
    }
    String trimmed = address.trim();
    return trimmed.startsWith("0x") || trimmed.startsWith("0X")
        ? trimmed.toLowerCase(Locale.ROOT)
        : trimmed;
  }

  private static final class Entry {
    private final ReentrantLock lock = new ReentrantLock();
    private Snapshot snapshot;
    private Instant lastAttemptAt;
    private Instant blockedUntil;
    private ExchangeException lastFailure;
  }
}
