package com.deltaenergy.invoicing.activities.scanner;

import com.deltaenergy.invoicing.activities.exchange.DepositSnapshots;
import com.deltaenergy.invoicing.activities.exchange.ExchangeAccounts;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.failover.ExchangeFailover;
import com.deltaenergy.invoicing.activities.invoice.PaymentSettings;
import com.deltaenergy.invoicing.activities.notification.LateDepositAlerts;
import com.deltaenergy.invoicing.activities.reconciliation.DepositReconciler;
import com.deltaenergy.invoicing.activities.reconciliation.SharedAddresses;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository.DepositWatch;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;
import com.deltaenergy.invoicing.workflows.scanner.DepositScanActivities.ScanResult;
import io.temporal.client.WorkflowClient;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll cycle for every watched address: each coin's deposit history is read once, what reached
 * each address is compared with what was last reported for it, and only changed addresses are
 * reported: to the invoice workflow while it takes payments, straight into the payment records
 * (flagged for an operator) once the invoice is closed.
 */
@Component
public class DepositScanner {

  private static final Logger log = LoggerFactory.getLogger(DepositScanner.class);

  private final DepositWatchRepository watches;
  private final ExchangeAccounts accounts;
  private final PaymentRepository payments;
  private final PollingLogRepository pollingLog;
  private final WorkflowClient workflows;
  private final PaymentSettings settings;
  private final LateDepositAlerts lateDepositAlerts;
  private final DepositReconciler reconciler;
  private final SharedAddresses sharedAddresses;
  private final ExchangeProviderRepository providers;
  private final ExchangeFailover failover;
  private final Clock clock;
  private final String worker = ManagementFactory.getRuntimeMXBean().getName();

  public DepositScanner(
      DepositWatchRepository watches,
      ExchangeAccounts accounts,
      PaymentRepository payments,
      PollingLogRepository pollingLog,
      WorkflowClient workflows,
      PaymentSettings settings,
      LateDepositAlerts lateDepositAlerts,
      DepositReconciler reconciler,
      SharedAddresses sharedAddresses,
      ExchangeProviderRepository providers,
      ExchangeFailover failover,
      Clock clock) {
    this.watches = watches;
    this.accounts = accounts;
    this.payments = payments;
    this.pollingLog = pollingLog;
    this.workflows = workflows;
    this.settings = settings;
    this.lateDepositAlerts = lateDepositAlerts;
    this.reconciler = reconciler;
    this.sharedAddresses = sharedAddresses;
    this.providers = providers;
    this.failover = failover;
    this.clock = clock;
  }

  public ScanResult scan(Instant tick) {
    Instant started = clock.instant();
    long fetchesBefore = accounts.fetches();
    List<DepositWatch> active = watches.active(started);
    // Each invoice is watched on the exchange that issued its address.
    Map<Long, String> issuers = providers.issuers(active.stream().map(DepositWatch::invoiceId).toList());
    // One history call per exchange account and coin, however many invoices watch it.
    Map<ExchangeAccounts.Account, Map<CryptoCurrency, List<DepositWatch>>> byAccount = new LinkedHashMap<>();
    for (DepositWatch watch : active) {
      byAccount
          .computeIfAbsent(accounts.issuer(watch.tenantId(), issuers.get(watch.invoiceId())), a -> new EnumMap<>(CryptoCurrency.class))
          .computeIfAbsent(CryptoCurrency.valueOf(watch.coin()), c -> new ArrayList<>())
          .add(watch);
    }
    int signals = 0;
    int groups = 0;
    List<String> errors = new ArrayList<>();
    for (Map.Entry<ExchangeAccounts.Account, Map<CryptoCurrency, List<DepositWatch>>> account : byAccount.entrySet()) {
      for (Map.Entry<CryptoCurrency, List<DepositWatch>> coin : account.getValue().entrySet()) {
        groups++;
        DepositSnapshots.Snapshot snapshot;
        try {
          snapshot = account.getKey().snapshots().refresh(coin.getKey());
          failover.outcome(account.getKey(), null);
        } catch (ExchangeException e) {
          failover.outcome(account.getKey(), e); // a live failure counts towards the provider's health
          errors.add(account.getKey().id() + " " + coin.getKey() + ": " + e.getMessage());
          continue;
        }
        reconcile(account.getKey(), coin.getValue(), snapshot, errors);
        // A shared address (Binance) gives each invoice only the deposits its amount identifies.
        Map<Long, List<ObservedDeposit>> perWatch;
        try {
          perWatch = sharedAddresses.perWatch(coin.getValue(), snapshot);
        } catch (RuntimeException e) {
          errors.add(account.getKey().id() + " " + coin.getKey() + " attribution: " + e.getMessage());
          continue;
        }
        for (DepositWatch watch : coin.getValue()) {
          try {
            signals += report(watch, perWatch.getOrDefault(watch.invoiceId(), List.of()), snapshot.fetchedAt()) ? 1 : 0;
          } catch (RuntimeException e) {
            // One invoice's trouble (e.g. its workflow is gone) must not stop the others' reports.
            errors.add(watch.workflowId() + ": " + e.getMessage());
            log.warn("Could not report deposits to {}: {}", watch.workflowId(), e.toString());
          }
        }
      }
    }
    groups += reconcileUnwatched(byAccount, errors);
    Instant finished = clock.instant();
    int calls = (int) (accounts.fetches() - fetchesBefore);
    pollingLog.log(
        new PollingLogRepository.Cycle(
            tick, started, finished, Math.max(0, Duration.between(tick, started).toMillis()),
            groups, calls, active.size(), signals, errors.size(),
            errors.isEmpty() ? null : String.join("; ", errors), worker),
        nextTick(finished, settings.pollingInterval()));
    return new ScanResult(settings.pollingInterval(), groups, calls, active.size(), signals, errors.size());
  }

  /**
   * Money reaches the environment's accounts even in coins no open invoice watches (an old
   * address, a long-cancelled invoice): their history is read too, once per coin and cycle, and
   * reconciled only. Returns how many coins were read.
   */
  private int reconcileUnwatched(
      Map<ExchangeAccounts.Account, Map<CryptoCurrency, List<DepositWatch>>> watched, List<String> errors) {
    int read = 0;
    for (ExchangeAccounts.Account account : accounts.environmentAccounts()) {
      Map<CryptoCurrency, List<DepositWatch>> coins = watched.getOrDefault(account, Map.of());
      for (CryptoCurrency coin : CryptoCurrency.values()) {
        if (coins.containsKey(coin)) {
          continue;
        }
        read++;
        try {
          DepositSnapshots.Snapshot snapshot = account.snapshots().current(coin);
          failover.outcome(account, null);
          reconciler.reconcile(account.id(), account.exchange().name(), reconciler.defaultTenant(), snapshot);
        } catch (ExchangeException e) {
          failover.outcome(account, e);
          errors.add(account.id() + " " + coin + ": " + e.getMessage());
        } catch (RuntimeException e) {
          errors.add(account.id() + " " + coin + " reconciliation: " + e.getMessage());
        }
      }
    }
    return read;
  }

  /** Records every deposit of the snapshot for reconciliation; its trouble never stops the reports. */
  private void reconcile(
      ExchangeAccounts.Account account, List<DepositWatch> watching, DepositSnapshots.Snapshot snapshot, List<String> errors) {
    // Money to an address of no invoice belongs to the account's tenant (the lowest id when shared).
    long accountTenant = watching.stream().mapToLong(DepositWatch::tenantId).min().orElseThrow();
    try {
      reconciler.reconcile(account.id(), account.exchange().name(), accountTenant, snapshot);
    } catch (RuntimeException e) {
      errors.add(account.id() + " " + snapshot.coin() + " reconciliation: " + e.getMessage());
      log.warn("Could not record {} deposits of {} for reconciliation: {}", snapshot.coin(), account.id(), e.toString());
    }
  }

  /**
   * The scanner workflow's next cycle: it sleeps to the first multiple of the interval (since the
   * epoch) after the scan ends, so this is when the next scan that covers every watch is due.
   */
  static Instant nextTick(Instant scanEnded, Duration interval) {
    long step = interval.toMillis();
    return Instant.ofEpochMilli((scanEnded.toEpochMilli() / step + 1) * step);
  }

  /** Reports an address whose deposits changed since the last report; true if it signalled. */
  private boolean report(DepositWatch watch, List<ObservedDeposit> deposits, Instant observedAt) {
    if (deposits.isEmpty() && watch.lastHash() == null) {
      return false; // nothing has reached the address: nothing to report
    }
    String hash = fingerprint(deposits);
    if (hash.equals(watch.lastHash())) {
      return false;
    }
    boolean signalled = false;
    if (watch.open()) {
      workflows
          .newWorkflowStub(InvoiceWorkflow.class, watch.workflowId())
          .depositsObserved(new DepositObservation(observedAt, deposits));
      signalled = true;
    } else {
      recordLateDeposits(watch, deposits);
    }
    watches.reported(watch.invoiceId(), watch.lastHash(), hash, observedAt);
    return signalled;
  }

  /** A closed address with a deposit still pending is looked at for at least this long again. */
  static final Duration FOLLOW_PENDING_FOR = Duration.ofDays(1);

  /**
   * Deposits to a closed invoice's address: recorded once, never counted, an operator told once;
   * their confirmations and status follow the exchange until final there.
   */
  private void recordLateDeposits(DepositWatch watch, List<ObservedDeposit> deposits) {
    PaymentFlag flag =
        InvoiceStatus.CANCELLED.wireName().equals(watch.finalStatus())
            ? PaymentFlag.AFTER_CANCEL
            : PaymentFlag.AFTER_COMPLETION;
    for (ObservedDeposit deposit : deposits) {
      boolean recorded =
          payments.recordLate(
              watch.invoiceId(), deposit.txId(),
              deposit.network() == null ? deposit.exchangeNetwork() : deposit.network().name(),
              deposit.exchangeNetwork(), watch.address(), deposit.coinCode(), deposit.amount(),
              deposit.confirmations(), deposit.status().name(), flag.name(), deposit.rawRecord(),
              deposit.insertedAt(), clock.instant());
      if (recorded) {
        log.warn("Deposit {} reached closed invoice {} ({}); recorded and flagged {}",
            deposit.key(), watch.workflowId(), watch.finalStatus(), flag);
        lateDepositAlerts.alert(watch.invoiceId(), deposit, flag);
      }
    }
    if (deposits.stream().anyMatch(d -> d.status() == DepositStatus.PENDING)) {
      watches.keepClosedWatchUntil(watch.invoiceId(), clock.instant().plus(FOLLOW_PENDING_FOR));
    }
  }

  /** What the scanner reports of an address: each deposit's identity, amount, count and status. */
  static String fingerprint(List<ObservedDeposit> deposits) {
    String canonical =
        deposits.stream()
            .sorted(Comparator.comparing(ObservedDeposit::key))
            .map(d -> d.key() + "|" + d.amount().toPlainString() + "|" + d.confirmations() + "|" + d.status())
            .collect(Collectors.joining("\n"));
    return Sha256.hex(canonical);
  }
}
