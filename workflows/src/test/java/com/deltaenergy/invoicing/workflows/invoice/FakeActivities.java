package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.AuditEntry;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.LoadedInvoice;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * In-memory stand-ins for the invoice workflow's activities, for testing the workflow alone in
 * Temporal's time-skipping environment. Each records what it was asked, with the (skipped) time.
 */
final class FakeActivities {

  private FakeActivities() {}

  static final class Store implements InvoiceStoreActivities {
    final Map<Long, InvoiceTerms> terms = new ConcurrentHashMap<>();
    final Map<Long, InvoiceState> recorded = new ConcurrentHashMap<>();
    final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    final List<Long> watched = new CopyOnWriteArrayList<>();
    final Map<Long, InvoiceStatus> closed = new ConcurrentHashMap<>();
    final AtomicInteger records = new AtomicInteger();

    @Override
    public LoadedInvoice load(long invoiceId) {
      return new LoadedInvoice(terms.get(invoiceId), recorded.get(invoiceId));
    }

    @Override
    public void record(InvoiceState state) {
      records.incrementAndGet();
      recorded.merge(state.invoiceId(), state, (old, now) -> now.version() > old.version() ? now : old);
    }

    @Override
    public void audit(AuditEntry entry) {
      if (audit.stream().noneMatch(e -> e.idempotencyKey().equals(entry.idempotencyKey()))) {
        audit.add(entry);
      }
    }

    @Override
    public void watch(long invoiceId) {
      watched.add(invoiceId);
    }

    @Override
    public void closeWatch(long invoiceId, InvoiceStatus finalStatus, Instant watchUntil) {
      closed.put(invoiceId, finalStatus);
    }
  }

  static final class Exchange implements ExchangeActivities {
    volatile BigDecimal cryptoAmount = new BigDecimal("0.05000000");
    volatile BigDecimal rate = new BigDecimal("100000");
    final Map<String, List<ObservedDeposit>> depositsByTxId = new ConcurrentHashMap<>();
    final LongSupplier clock;
    volatile String failIssuingWith;

    Exchange(LongSupplier clock) {
      this.clock = clock;
    }

    static String address(long invoiceId) {
      return "bc1qinvoice" + invoiceId;
    }

    @Override
    public DepositAddress allocateDepositAddress(long invoiceId) {
      if (failIssuingWith != null) {
        throw ApplicationFailure.newNonRetryableFailure(failIssuingWith, "ExchangeAuthenticationFailed");
      }
      return new DepositAddress(address(invoiceId), null, "Bitcoin(BTC)");
    }

    @Override
    public Quote lockQuote(long invoiceId) {
      return new Quote(cryptoAmount, rate, Instant.ofEpochMilli(clock.getAsLong()), "fake BTCUSDT");
    }

    @Override
    public Quote requote(long invoiceId, Instant previousLockedAt) {
      return new Quote(cryptoAmount, rate, Instant.ofEpochMilli(clock.getAsLong()), "fake BTCUSDT");
    }

    @Override
    public List<ObservedDeposit> findDeposits(
        com.deltaenergy.invoicing.workflows.coin.CryptoCurrency coin, String txId, Instant since) {
      return depositsByTxId.getOrDefault(txId, List.of());
    }

    @Override
    public List<ObservedDeposit> findInvoiceDeposits(long invoiceId, String txId, Instant since) {
      return depositsByTxId.getOrDefault(txId, List.of());
    }

    @Override
    public PriceQuote currentPrice(
        com.deltaenergy.invoicing.workflows.coin.CryptoCurrency currency, PaymentNetwork network) {
      return new PriceQuote(currency, network, rate, Instant.ofEpochMilli(clock.getAsLong()), "fake");
    }

    @Override
    public ExchangeCheck checkExchange() {
      throw new UnsupportedOperationException();
    }
  }

  static final class Documents implements DocumentActivities {
    final List<DocumentKind> rendered = new CopyOnWriteArrayList<>();

    @Override
    public StoredDocument render(long invoiceId, DocumentKind kind) {
      rendered.add(kind);
      return new StoredDocument(kind, "/tmp/" + invoiceId + "-" + kind + ".pdf", "0".repeat(64), 1);
    }
  }

  /** A told event with the (skipped) time it was told at. */
  record Told(InvoiceEvent event, Instant at) {}

  static final class Notifications implements NotificationActivities {
    final List<Told> events = new CopyOnWriteArrayList<>();
    final Map<Long, Integer> deliveries = new ConcurrentHashMap<>();
    final AtomicLong ids = new AtomicLong();
    final LongSupplier clock;

    Notifications(LongSupplier clock) {
      this.clock = clock;
    }

    @Override
    public List<Long> record(InvoiceEvent event) {
      events.add(new Told(event, Instant.ofEpochMilli(clock.getAsLong())));
      return List.of(ids.incrementAndGet());
    }

    /** How many of the next delivery attempts fail (a mail server down). */
    final AtomicInteger failingDeliveries = new AtomicInteger();
    final AtomicInteger failedDeliveries = new AtomicInteger();

    @Override
    public void deliver(long notificationId) {
      if (failingDeliveries.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        failedDeliveries.incrementAndGet();
        throw new IllegalStateException("mail server unavailable");
      }
      deliveries.merge(notificationId, 1, Integer::sum);
    }

    List<InvoiceEvent.Type> types() {
      return events.stream().map(t -> t.event().type()).toList();
    }
  }

  static final class Cfo implements CfoSyncActivities {
    final List<Instant> attempts = new CopyOnWriteArrayList<>();
    final List<String> markedFailed = new CopyOnWriteArrayList<>();
    volatile int failuresBeforeSuccess;
    volatile boolean validationError;
    final LongSupplier clock;

    Cfo(LongSupplier clock) {
      this.clock = clock;
    }

    @Override
    public CfoSyncResult syncInvoice(long invoiceId) {
      attempts.add(Instant.ofEpochMilli(clock.getAsLong()));
      if (validationError) {
        throw ApplicationFailure.newNonRetryableFailure("amount must be positive", VALIDATION_FAILED);
      }
      if (attempts.size() <= failuresBeforeSuccess) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        Duration delay = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))
            .get(Math.min(attempt, 3) - 1);
        throw ApplicationFailure.newFailureWithCauseAndDelay("ledger unreachable", "CfoUnavailable", null, delay);
      }
      return new CfoSyncResult(4000 + invoiceId, false, Instant.ofEpochMilli(clock.getAsLong()));
    }

    @Override
    public void markFailed(long invoiceId, String error) {
      markedFailed.add(error);
    }
  }
}
