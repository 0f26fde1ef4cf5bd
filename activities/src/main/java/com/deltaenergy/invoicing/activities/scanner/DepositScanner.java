package com.deltaenergy.invoicing.activities.scanner;

import com.deltaenergy.invoicing.activities.exchange.DepositSnapshots;
import com.deltaenergy.invoicing.activities.exchange.ExchangeAccounts;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.invoice.PaymentSettings;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository.DepositWatch;
import com.deltaenergy.invoicing.workflows.invoice.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;
import com.deltaenergy.invoicing.workflows.scanner.DepositScanActivities.ScanResult;
import io.temporal.client.WorkflowClient;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
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
      Clock clock) {
    this.watches = watches;
    this.accounts = accounts;
    this.payments = payments;
    this.pollingLog = pollingLog;
    this.workflows = workflows;
    this.settings = settings;
    this.lateDepositAlerts = lateDepositAlerts;
    this.clock = clock;
  }

  public ScanResult scan(Instant tick) {
    Instant started = clock.instant();
    long fetchesBefore = accounts.fetches();
    List<DepositWatch> active = watches.active(started);
    // One history call per exchange account and coin, however many invoices watch it.
    Map<ExchangeAccounts.Account, Map<CryptoCurrency, List<DepositWatch>>> byAccount = new LinkedHashMap<>();
    for (DepositWatch watch : active) {
      byAccount
          .computeIfAbsent(accounts.forTenant(watch.tenantId()), a -> new EnumMap<>(CryptoCurrency.class))
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
        } catch (ExchangeException e) {
          errors.add(account.getKey().id() + " " + coin.getKey() + ": " + e.getMessage());
          continue;
        }
        for (DepositWatch watch : coin.getValue()) {
          try {
            signals += report(watch, snapshot.to(watch.address(), null), snapshot.fetchedAt()) ? 1 : 0;
          } catch (RuntimeException e) {
            // One invoice's trouble (e.g. its workflow is gone) must not stop the others' reports.
            errors.add(watch.workflowId() + ": " + e.getMessage());
            log.warn("Could not report deposits to {}: {}", watch.workflowId(), e.toString());
          }
        }
      }
    }
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
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
