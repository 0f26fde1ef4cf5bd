package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities.CfoSyncResult;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.AuditEntry;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.LoadedInvoice;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.DunningRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.MarkPaidRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.RequoteRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import com.deltaenergy.invoicing.workflows.payment.PaymentRules;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The invoice lifecycle. Issue (address, quote, document, notice) → watch (the deposit scanner
 * signals what reaches the address) → chase (overdue and dunning on durable timers) → paid →
 * receipt and CFO booking → complete. Operators cancel, mark paid, extend, re-quote and verify
 * payments through updates; those are queued and applied by the main loop, so every change of
 * state happens in one place, in order, and is recorded before anyone is told about it.
 */
public class InvoiceWorkflowImpl implements InvoiceWorkflow {

  /** Change id of the manual TxID lookup in the tenant's own exchange account. */
  static final String TENANT_EXCHANGE_ACCOUNT = "tenant-exchange-account";
  /** Change id of counting an unmatched deposit an operator assigned to the invoice. */
  static final String ASSIGN_UNMATCHED_DEPOSIT = "assign-unmatched-deposit";


  private static final Logger log = Workflow.getLogger(InvoiceWorkflowImpl.class);

  /** Continue as new well before Temporal's limits; the whole state carries over. */
  static final int CONTINUE_AS_NEW_AFTER_EVENTS = 1_500;
  /** After an invoice closes, late deposits to its address are still recorded and flagged. */
  static final Duration WATCH_CLOSED_ADDRESS_FOR = Duration.ofDays(30);
  /** How long a failed issue step waits before trying again (or for an operator's retry). */
  static final Duration ISSUE_RETRY_AFTER = Duration.ofMinutes(10);
  /**
   * Change id: a timer derived from the invoice's dates (overdue, dunning) waits at most
   * {@link #LONGEST_TIMER}, then the loop works out the next deadline again. Before it, a due date
   * far in the future made a duration Temporal refuses, and every workflow task failed.
   */
  static final String CLAMPED_TIMERS = "clamped-timers";
  /**
   * Change id: a cancel is refused while a deposit that counts is still confirming, naming it.
   * Before it, such a cancel hid money on its way in (the deposit stayed counted, unflagged).
   */
  static final String NO_CANCEL_WHILE_CONFIRMING = "no-cancel-while-confirming";
  /**
   * Change id: a re-quote whose fresh price is the one already locked changes nothing, sends
   * nothing and says so. Before it, the client was mailed an "updated" invoice with the same rate.
   */
  static final String UNCHANGED_REQUOTE = "unchanged-requote";
  /**
   * Change id: every timer carries a summary for the Temporal Web UI ("dunning stage 2",
   * "overdue threshold", "issue retry"). A summarised timer is a command of its own, so runs
   * started before it keep their plain timed awaits.
   */
  static final String TIMER_SUMMARIES = "timer-summaries";
  /** Far below Temporal's limit; waking once a year to look again costs nothing. */
  static final Duration LONGEST_TIMER = Duration.ofDays(365);

  private static final RetryOptions UNTIL_IT_WORKS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private final InvoiceStoreActivities store =
      Workflow.newActivityStub(
          InvoiceStoreActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Exchange calls while issuing: transient failures retry for half an hour, then issuing waits. */
  private final ExchangeActivities exchange =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  /** A caller is waiting on a manual verification: a few quick attempts. */
  private final ExchangeActivities exchangeLookup =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  private final DocumentActivities documents =
      Workflow.newActivityStub(
          DocumentActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  private final NotificationActivities notifications =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  /** Delivery retries with backoff for up to a week: a mail server down for a day delays mail. */
  private final NotificationActivities delivery =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setScheduleToCloseTimeout(Duration.ofDays(7))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(30))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(30))
                      .build())
              .build());

  /**
   * CFO booking: four attempts, at +0, +1, +6 and +21 minutes (the activity's failure carries the
   * 1/5/15-minute delay); validation and schema errors are not retried.
   */
  private final CfoSyncActivities cfo =
      Workflow.newActivityStub(
          CfoSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMinutes(1))
                      .setBackoffCoefficient(1)
                      .setMaximumAttempts(4)
                      .setDoNotRetry(CfoSyncActivities.VALIDATION_FAILED)
                      .build())
              .build());

  private final CfoSyncActivities cfoBookkeeping =
      Workflow.newActivityStub(
          CfoSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(UNTIL_IT_WORKS)
              .build());

  private final InvoiceWorkflowInput input;
  private InvoiceState state;

  private final Deque<DepositObservation> observations = new ArrayDeque<>();
  private final Deque<Command<?>> commands = new ArrayDeque<>();
  /** Events of the current change, told once the change is recorded. */
  private final Deque<InvoiceEvent> pendingEvents = new ArrayDeque<>();
  /** The InvoiceStatus search attribute as last published by this run. */
  private InvoiceStatus publishedStatus;
  private boolean retryIssueRequested;
  /** Issuing ended one way or the other and that is recorded: awaitIssued may answer. */
  private boolean issueSettled;
  private boolean cfoRetryRequested;
  private Promise<CfoSyncResult> cfoSync;
  /** Whether this run's timers carry summaries (see {@link #TIMER_SUMMARIES}). */
  private boolean timerSummaries;

  @WorkflowInit
  public InvoiceWorkflowImpl(InvoiceWorkflowInput input) {
    this.input = input;
    this.state = input.carriedState();
  }

  @Override
  public void run(InvoiceWorkflowInput input) {
    timerSummaries = Workflow.getVersion(TIMER_SUMMARIES, Workflow.DEFAULT_VERSION, 1) == 1;
    if (state == null) {
      LoadedInvoice loaded = store.load(input.invoiceId());
      state = loaded.recorded() != null ? loaded.recorded() : InvoiceState.of(loaded.terms());
    }
    // Deliveries a previous run (or a lost server) left unconfirmed: delivery is idempotent.
    state.pendingDeliveries().forEach(this::deliver);

    issueSettled = state.status() != InvoiceStatus.DRAFT;
    if (state.status() == InvoiceStatus.DRAFT) {
      issue();
    } else if (watchingDeposits()) {
      // A resumed invoice asks the scanner for the full picture of its address again.
      store.watch(state.invoiceId());
    }

    while (!state.status().isFinal()) {
      if (state.status() == InvoiceStatus.PAID && cfoSync == null
          && (state.cfo().status() != CfoSyncState.Status.FAILED || cfoRetryRequested)) {
        startCfoSync();
      }
      Instant deadline = nextDeadline();
      Supplier<Boolean> somethingToDo =
          () -> !observations.isEmpty() || !commands.isEmpty() || cfoRetryRequested
              || (cfoSync != null && cfoSync.isCompleted());
      describe();
      if (deadline == null) {
        Workflow.await(somethingToDo);
      } else {
        Duration wait = untilDeadline(deadline);
        String summary =
            wait.compareTo(Duration.between(now(), deadline).plusMillis(1)) < 0
                ? "look at the dates again (" + deadlineSummary(deadline) + " is further off)"
                : deadlineSummary(deadline);
        awaitOrTimer(wait, summary, somethingToDo);
      }
      handleObservations();
      handleCommands();
      handleDeadlines();
      handleCfoSync();

      if (!state.status().isFinal() && historyIsLong()) {
        continueAsNew();
      }
    }
    finish();
  }

  /**
   * Waits until the condition holds or the time is up, as {@code Workflow.await(Duration, ...)}
   * does, with a summary on the timer for the Web UI. The timer is cancelled when the condition
   * comes first, as Workflow.await cancels its own.
   */
  private void awaitOrTimer(Duration wait, String summary, Supplier<Boolean> condition) {
    if (!timerSummaries) {
      Workflow.await(wait, condition);
      return;
    }
    if (condition.get()) {
      return; // nothing to wait for: no timer, as Workflow.await
    }
    List<Promise<Void>> timer = new java.util.ArrayList<>(1);
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              timer.add(Workflow.newTimer(wait, TimerOptions.newBuilder().setSummary(summary).build()));
            });
    scope.run();
    Workflow.await(() -> timer.get(0).isCompleted() || condition.get());
    if (!timer.get(0).isCompleted()) {
      scope.cancel();
    }
  }

  /** What the next deadline is, for the timer's summary. */
  private String deadlineSummary(Instant deadline) {
    Optional<DunningStage> stage = dunningActive() ? state.nextDunningStage() : Optional.empty();
    if (stage.isPresent() && stage.get().dueAt().equals(deadline)) {
      return "dunning stage " + stage.get().number() + " at " + stage.get().dueAt();
    }
    return "overdue threshold at " + deadline;
  }

  /**
   * The run's current details in the Temporal Web UI: why it waits, in a line. Not part of the
   * history (a query answers it), so it is simply kept up to date.
   */
  private void describe() {
    Workflow.setCurrentDetails(currentDetails());
  }

  private String currentDetails() {
    InvoiceStatus status = state.status();
    String coin = state.currency() + "/" + state.network().name();
    switch (status) {
      case DRAFT:
        return state.issueError() == null
            ? "issuing: deposit address, quote, document"
            : "issuing failed: " + state.issueError() + "; next issue retry within "
                + ISSUE_RETRY_AFTER.toMinutes() + " min, or on retry-issue";
      case PAID:
        CfoSyncState cfoState = state.cfo();
        return cfoState.status() == CfoSyncState.Status.FAILED
            ? "paid; CFO ledger booking failed (" + cfoState.lastError() + "): waiting for sync-to-cfo"
            : "paid " + state.paidAt() + "; booking in the CFO ledger (attempt " + cfoState.attempts() + ")";
      case COMPLETE:
        return "complete: paid " + state.paidAt() + ", booked in the CFO ledger as "
            + state.cfo().cfoTransactionId() + deliveriesPending();
      case CANCELLED:
        return "cancelled by " + state.cancelledBy() + ": " + state.cancelReason() + deliveriesPending();
      default:
        break;
    }
    StringBuilder details = new StringBuilder();
    PaymentAssessment assessment = state.assessment();
    if (status == InvoiceStatus.PAYMENT_DETECTED || status == InvoiceStatus.CONFIRMING) {
      int required = state.policy().confirmationsRequired();
      details.append(coin).append(" deposit confirming: ");
      details.append(
          String.join(", ", state.payments().stream()
              .filter(p -> p.counts() && !p.confirmed(required))
              .map(p -> p.txId() + " " + p.confirmations() + " of " + required)
              .toList()));
    } else {
      details.append("awaiting ").append(coin).append(" deposit");
      if (state.cryptoAmount() != null) {
        details.append(" of ").append(assessment != null && assessment.confirmed().signum() > 0
            ? assessment.remaining().toPlainString() + " (of " + state.cryptoAmount().toPlainString() + ")"
            : state.cryptoAmount().toPlainString());
      }
      details.append(" to ").append(state.depositAddress());
    }
    if (state.overdue()) {
      details.append("; overdue since ").append(state.overdueAt());
    } else {
      details.append("; overdue after ").append(state.overdueAt());
    }
    if (state.dunningPaused()) {
      details.append("; reminders paused");
    } else {
      state.nextDunningStage().ifPresent(stage -> details.append("; next reminder: stage ")
          .append(stage.number()).append(" on ")
          .append(java.time.LocalDate.ofInstant(stage.dueAt(), java.time.ZoneId.of(state.timeZone()))));
    }
    return details.toString();
  }

  private String deliveriesPending() {
    int pending = state.pendingDeliveries().size();
    return pending == 0 ? "" : "; delivering " + pending + " notification(s)";
  }

  /**
   * How long to wait for a deadline. Dates come from people (a due date in the year 99999): the
   * wait is capped, and the loop simply comes round again when the capped timer fires.
   */
  private Duration untilDeadline(Instant deadline) {
    Duration wait = Duration.between(now(), deadline).plusMillis(1);
    if (wait.compareTo(LONGEST_TIMER) <= 0) {
      return wait;
    }
    // Asked only when it matters: histories of ordinary invoices carry no marker for it.
    int version = Workflow.getVersion(CLAMPED_TIMERS, Workflow.DEFAULT_VERSION, 1);
    return version == Workflow.DEFAULT_VERSION ? wait : LONGEST_TIMER;
  }

  // ---- issuing ----

  private void issue() {
    while (state.status() == InvoiceStatus.DRAFT) {
      // Cleared before the attempt: a retry asked for while a failure is being recorded counts.
      retryIssueRequested = false;
      try {
        DepositAddress address = exchange.allocateDepositAddress(state.invoiceId());
        Quote quote = exchange.lockQuote(state.invoiceId());
        documents.render(state.invoiceId(), DocumentKind.INVOICE);
        state.issued(
            address.address(), address.memo(), address.exchangeNetwork(), quote.cryptoAmount(),
            quote.exchangeRate(), quote.lockedAt(), quote.source(), now());
        skipDunningStagesBefore(now());
        state.reassess();
        recordChange();
        issueSettled = true;
        store.watch(state.invoiceId());
        announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.CREATED));
      } catch (ActivityFailure e) {
        String reason = reason(e);
        log.warn("Issuing invoice {} failed: {}", state.invoiceNumber(), reason);
        state.issueFailed(reason);
        recordChange();
        issueSettled = true;
        describe();
        awaitOrTimer(ISSUE_RETRY_AFTER, "issue retry", () -> retryIssueRequested || !commands.isEmpty());
        handleCommands();
      }
    }
  }

  /** A stage whose day has passed before the invoice was even issued is not sent late. */
  private void skipDunningStagesBefore(Instant issuedAt) {
    for (DunningStage stage : state.dunning()) {
      if (stage.open() && !stage.dueAt().isAfter(issuedAt)) {
        state.dunningStageSkipped(stage.number());
      }
    }
  }

  // ---- payments ----

  private void handleObservations() {
    while (!observations.isEmpty()) {
      DepositObservation observation = observations.poll();
      if (!state.awaitingPayment() && state.status() != InvoiceStatus.PAID) {
        continue;
      }
      if (state.lastObservationAt() != null
          && observation.observedAt().isBefore(state.lastObservationAt())) {
        continue; // an older report arriving late: the newer one already said more
      }
      state.observedAt(observation.observedAt());
      boolean changed = false;
      for (ObservedDeposit deposit : observation.deposits()) {
        changed |= track(deposit, false) != null;
      }
      if (changed) {
        assessPayments();
      }
    }
  }

  /**
   * Adds or updates a deposit in the invoice's payments. Returns the payment if anything about it
   * changed, else null. A deposit that does not count is flagged for an operator, once.
   */
  private Payment track(ObservedDeposit deposit, boolean manual) {
    Payment known = state.payment(deposit.key());
    Payment updated =
        known == null
            ? PaymentRules.classify(
                deposit, state.currency(), state.network(), state.depositMemo(), false, now())
            : known.updatedBy(deposit);
    if (manual) {
      updated = updated.asManual();
    }
    if (updated.equals(known)) {
      return null;
    }
    state.putPayment(updated);
    if (known == null && !updated.counts()) {
      log.warn("Deposit {} to invoice {} does not count: {}", updated.key(), state.invoiceNumber(), updated.flag());
      pendingEvents.add(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.PAYMENT_FLAGGED, updated.key()));
    }
    return updated;
  }

  /** Re-judges the payments, moves the status, records, then tells people what happened. */
  private void assessPayments() {
    PaymentAssessment before = state.assessment();
    InvoiceStatus previous = state.status();
    state.reassess();
    PaymentAssessment after = state.assessment();
    if (state.awaitingPayment()) {
      InvoiceStatus next = state.derivedStatus();
      if (next == InvoiceStatus.PAID) {
        Instant paidAt =
            PaymentRules.paidAt(state.payments(), state.policy().confirmationsRequired(), now());
        state.paid(paidAt, paidAt.isAfter(state.dueAt()));
      } else {
        state.setStatus(next);
      }
    }
    recordChange();

    long id = state.invoiceId();
    boolean sawPaymentBefore = before != null && before.confirmed().add(before.pending()).signum() > 0;
    boolean seesPaymentNow = after.confirmed().add(after.pending()).signum() > 0;
    if (!sawPaymentBefore && seesPaymentNow) {
      pendingEvents.add(InvoiceEvent.of(id, InvoiceEvent.Type.PAYMENT_DETECTED));
    }
    if (state.status() == InvoiceStatus.PARTIALLY_PAID
        && (before == null || after.confirmed().compareTo(before.confirmed()) != 0)) {
      pendingEvents.add(
          new InvoiceEvent(id, InvoiceEvent.Type.PARTIALLY_PAID, after.confirmed().toPlainString()));
    }
    if (after.overpaid() && (before == null || after.excess().compareTo(before.excess()) != 0)) {
      pendingEvents.add(new InvoiceEvent(id, InvoiceEvent.Type.OVERPAID, after.excess().toPlainString()));
    }
    flushEvents();
    if (previous != InvoiceStatus.PAID && state.status() == InvoiceStatus.PAID) {
      onPaid();
    }
  }

  private void onPaid() {
    documents.render(state.invoiceId(), DocumentKind.RECEIPT);
    announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.PAID));
  }

  // ---- overdue and dunning ----

  private Instant nextDeadline() {
    if (!state.awaitingPayment()) {
      return null;
    }
    Instant next = state.overdue() ? null : state.overdueAt();
    if (dunningActive()) {
      Optional<DunningStage> stage = state.nextDunningStage();
      if (stage.isPresent() && (next == null || stage.get().dueAt().isBefore(next))) {
        next = stage.get().dueAt();
      }
    }
    return next;
  }

  private void handleDeadlines() {
    if (!state.awaitingPayment()) {
      return;
    }
    Instant now = now();
    if (!state.overdue() && !now.isBefore(state.overdueAt())) {
      state.markOverdue();
      state.setStatus(state.derivedStatus());
      recordChange();
      announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.OVERDUE));
    }
    if (!dunningActive()) {
      return;
    }
    List<DunningStage> due =
        state.dunning().stream().filter(s -> s.open() && !s.dueAt().isAfter(now)).toList();
    if (due.isEmpty()) {
      return;
    }
    // After a pause several stages may be due at once: send only the latest, skip the others.
    DunningStage latest = due.stream().max(Comparator.comparingInt(DunningStage::number)).orElseThrow();
    due.stream().filter(s -> s != latest).forEach(s -> state.dunningStageSkipped(s.number()));
    state.dunningStageSent(latest.number(), now);
    state.setStatus(state.derivedStatus());
    recordChange();
    announce(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.DUNNING_STAGE, String.valueOf(latest.number())));
    if (latest.number() == DunningSchedule.COLLECTIONS_STAGE) {
      announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.COLLECTIONS));
    }
  }

  /**
   * Reminders go out unless an operator paused them or a payment is confirming right now (it may
   * well settle the invoice).
   */
  private boolean dunningActive() {
    return !state.dunningPaused()
        && state.status() != InvoiceStatus.PAYMENT_DETECTED
        && state.status() != InvoiceStatus.CONFIRMING;
  }

  // ---- CFO booking and completion ----

  private void startCfoSync() {
    cfoRetryRequested = false;
    CfoSyncState previous = state.cfo();
    state.setCfo(new CfoSyncState(CfoSyncState.Status.SYNCING, previous.attempts() + 1, previous.lastError(), null, null));
    recordChange();
    cfoSync = Async.function(cfo::syncInvoice, state.invoiceId());
  }

  private void handleCfoSync() {
    if (cfoSync == null || !cfoSync.isCompleted()) {
      return;
    }
    Promise<CfoSyncResult> finished = cfoSync;
    cfoSync = null;
    try {
      CfoSyncResult result = finished.get();
      state.setCfo(
          new CfoSyncState(CfoSyncState.Status.SYNCED, state.cfo().attempts(), null, result.cfoTransactionId(), result.syncedAt()));
      state.completed(now());
      recordChange();
    } catch (ActivityFailure e) {
      String reason = reason(e);
      cfoBookkeeping.markFailed(state.invoiceId(), reason);
      state.setCfo(new CfoSyncState(CfoSyncState.Status.FAILED, state.cfo().attempts(), reason, null, null));
      recordChange();
      announce(
          new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.CFO_SYNC_FAILED, String.valueOf(state.cfo().attempts())));
    }
  }

  private void finish() {
    Instant watchUntil = now().plus(WATCH_CLOSED_ADDRESS_FOR);
    if (state.depositAddress() != null) {
      store.closeWatch(state.invoiceId(), state.status(), watchUntil);
    }
    // Deliveries run on after the invoice is done; the workflow ends once they have.
    Workflow.await(() -> state.pendingDeliveries().isEmpty());
  }

  // ---- operator commands ----

  private void handleCommands() {
    while (!commands.isEmpty()) {
      Command<?> command = commands.poll();
      command.execute();
    }
  }

  /** An operator request waiting to be applied by the main loop, and its outcome. */
  private abstract static class Command<T> {
    private T result;
    private RuntimeException failure;
    private boolean done;

    abstract T apply();

    void execute() {
      try {
        result = apply();
      } catch (ApplicationFailure e) {
        failure = e;
      } finally {
        done = true;
      }
    }

    T outcome() {
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  private <T> T submit(Command<T> command) {
    commands.add(command);
    Workflow.await(() -> command.done);
    return command.outcome();
  }

  @Override
  public InvoiceStatusView cancel(CancelRequest request) {
    return submit(
        new Command<>() {
          @Override
          InvoiceStatusView apply() {
            requireCancellable();
            Optional<Payment> confirming = confirmingPayment();
            // Asked only when it matters: histories of ordinary cancels carry no marker for it.
            if (confirming.isPresent()
                && Workflow.getVersion(NO_CANCEL_WHILE_CONFIRMING, Workflow.DEFAULT_VERSION, 1) == 1) {
              throw confirmingRefusal(confirming.get());
            }
            state.cancelled(now(), request.reason(), request.requestedBy());
            recordChange();
            audit("cancel", request.requestedBy(), request.reason(), null);
            announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.CANCELLED));
            return view();
          }
        });
  }

  @Override
  public void validateCancel(CancelRequest request) {
    requireReason(request.reason(), request.requestedBy());
    requireCancellable();
    Optional<Payment> confirming = confirmingPayment();
    if (confirming.isPresent()) {
      throw confirmingRefusal(confirming.get());
    }
  }

  /** A deposit that counts for this invoice and is not yet final on the exchange. */
  private Optional<Payment> confirmingPayment() {
    int required = state.policy().confirmationsRequired();
    return state.payments().stream()
        .filter(p -> p.counts() && !p.confirmed(required) && p.depositStatus() != DepositStatus.FAILED)
        .findFirst();
  }

  private ApplicationFailure confirmingRefusal(Payment payment) {
    return invalidState(
        "deposit " + payment.txId() + " (" + payment.amount().toPlainString() + " " + payment.coinCode()
            + ", " + payment.confirmations() + " of " + state.policy().confirmationsRequired()
            + " confirmations) counts for this invoice and is still confirming; cancel once it is final,"
            + " or it would hide that money");
  }

  private void requireCancellable() {
    InvoiceStatus status = currentStatus();
    if (status == InvoiceStatus.PAID || status.isFinal()) {
      throw invalidState("an invoice that is " + status.wireName() + " cannot be cancelled");
    }
  }

  @Override
  public InvoiceStatusView markPaid(MarkPaidRequest request) {
    return submit(
        new Command<>() {
          @Override
          InvoiceStatusView apply() {
            requireAwaitingPayment("marked paid");
            state.paidManually(now(), request.reason());
            recordChange();
            audit("mark_paid", request.requestedBy(), request.reason(), null);
            onPaid();
            return view();
          }
        });
  }

  @Override
  public void validateMarkPaid(MarkPaidRequest request) {
    requireReason(request.reason(), request.requestedBy());
    requireAwaitingPayment("marked paid");
  }

  @Override
  public InvoiceStatusView extendDueDate(ExtendDueDateRequest request) {
    return submit(
        new Command<>() {
          @Override
          InvoiceStatusView apply() {
            requireExtension(request);
            String previous = state.dueDate().toString();
            state.extendDueDate(request.newDueDate(), now());
            state.setStatus(state.derivedStatus());
            recordChange();
            audit("extend_due_date", request.requestedBy(), request.reason(),
                "{\"from\":\"" + previous + "\",\"to\":\"" + request.newDueDate() + "\"}");
            return view();
          }
        });
  }

  @Override
  public void validateExtendDueDate(ExtendDueDateRequest request) {
    requireReason(request.reason(), request.requestedBy());
    // The date check stays in the handler: SDK 1.38 drops a validator failure's type
    // (temporalio/sdk-java#2875), and the API must tell a bad date (400) from a bad state (409).
    requireAwaitingPayment("given a new due date");
  }

  private void requireExtension(ExtendDueDateRequest request) {
    requireAwaitingPayment("given a new due date");
    if (request.newDueDate() == null || !request.newDueDate().isAfter(state.dueDate())) {
      throw invalidRequest("new_due_date must be after the current due date " + state.dueDate());
    }
  }

  @Override
  public InvoiceStatusView requote(RequoteRequest request) {
    return submit(
        new Command<>() {
          @Override
          InvoiceStatusView apply() {
            requireRequotable();
            String previousAmount = state.cryptoAmount().toPlainString();
            String previousRate = state.exchangeRate().toPlainString();
            Quote quote = exchangeLookup.requote(state.invoiceId(), state.rateLockedAt());
            boolean unchanged =
                quote.exchangeRate().compareTo(state.exchangeRate()) == 0
                    && quote.cryptoAmount().compareTo(state.cryptoAmount()) == 0;
            // Asked only when it matters: histories of re-quotes that moved carry no marker for it.
            if (unchanged && Workflow.getVersion(UNCHANGED_REQUOTE, Workflow.DEFAULT_VERSION, 1) == 1) {
              audit("requote", request.requestedBy(), request.reason(),
                  "{\"unchanged\":true,\"rate\":\"" + previousRate + "\",\"amount\":\"" + previousAmount + "\"}");
              throw invalidState(
                  "the exchange rate is unchanged at " + previousRate + " (" + previousAmount + " "
                      + state.currency() + "); the invoice stands and nothing was sent");
            }
            state.quoted(quote.cryptoAmount(), quote.exchangeRate(), quote.lockedAt(), quote.source());
            state.reassess();
            recordChange();
            audit("requote", request.requestedBy(), request.reason(),
                "{\"from_amount\":\"" + previousAmount + "\",\"from_rate\":\"" + previousRate
                    + "\",\"to_amount\":\"" + quote.cryptoAmount().toPlainString() + "\",\"to_rate\":\""
                    + quote.exchangeRate().toPlainString() + "\"}");
            documents.render(state.invoiceId(), DocumentKind.INVOICE);
            announce(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.REQUOTED, quote.lockedAt().toString()));
            return view();
          }
        });
  }

  @Override
  public void validateRequote(RequoteRequest request) {
    requireReason(request.reason(), request.requestedBy());
    requireRequotable();
  }

  private void requireRequotable() {
    requireAwaitingPayment("re-quoted");
    boolean anyCounted = state.payments().stream().anyMatch(Payment::counts);
    if (anyCounted) {
      throw invalidState("payments have arrived already; a re-quote would change what they are measured against");
    }
  }

  @Override
  public VerifyPaymentResult verifyPayment(VerifyPaymentRequest request) {
    return submit(
        new Command<>() {
          @Override
          VerifyPaymentResult apply() {
            return verify(request.txHash().trim(), request.requestedBy());
          }
        });
  }

  @Override
  public void validateVerifyPayment(VerifyPaymentRequest request) {
    if (request.txHash() == null || request.txHash().isBlank()) {
      throw invalidRequest("tx_hash is required");
    }
    if (request.txHash().trim().length() > 128 || !request.txHash().trim().matches("[0-9A-Za-z]+")) {
      throw invalidRequest("tx_hash must be a transaction hash (letters and digits, at most 128)");
    }
    InvoiceStatus status = currentStatus();
    if (!status.acceptsPayment() && status != InvoiceStatus.PAID) {
      throw invalidState("an invoice that is " + status.wireName() + " takes no payments");
    }
  }

  private VerifyPaymentResult verify(String txHash, String requestedBy) {
    Optional<Payment> counted =
        state.payments().stream().filter(p -> p.counts() && p.txId().equalsIgnoreCase(txHash)).findFirst();
    if (counted.isPresent()) {
      return new VerifyPaymentResult(Verdict.ALREADY_COUNTED, "already counted for this invoice", txHash, counted.get().key());
    }
    if (state.status() == InvoiceStatus.PAID) {
      return rejected(txHash, requestedBy, "the invoice is already paid");
    }
    Instant since = (state.issuedAt() == null ? now() : state.issuedAt()).minus(Duration.ofDays(1));
    // Version 1: the lookup goes to the invoice's own exchange account (its tenant's MEXC key).
    int accountVersion = Workflow.getVersion(TENANT_EXCHANGE_ACCOUNT, Workflow.DEFAULT_VERSION, 1);
    List<ObservedDeposit> found =
        accountVersion == Workflow.DEFAULT_VERSION
            ? exchangeLookup.findDeposits(state.currency(), txHash, since)
            : exchangeLookup.findInvoiceDeposits(state.invoiceId(), txHash, since);
    if (found.isEmpty()) {
      return rejected(txHash, requestedBy, "no " + state.currency() + " deposit with this TxID reached the exchange account since " + since);
    }
    Optional<ObservedDeposit> toThisInvoice =
        found.stream().filter(d -> PaymentRules.sameAddress(d.address(), state.depositAddress())).findFirst();
    if (toThisInvoice.isEmpty()) {
      return rejected(txHash, requestedBy, "the deposit went to " + found.get(0).address() + ", not to this invoice's address");
    }
    Payment payment = track(toThisInvoice.get(), true);
    Payment tracked = payment != null ? payment : state.payment(toThisInvoice.get().key());
    if (!tracked.counts()) {
      state.reassess();
      recordChange();
      flushEvents();
      return rejected(txHash, requestedBy, "it does not count for this invoice (" + tracked.flag() + "); recorded for an operator");
    }
    audit("verify_payment", requestedBy, "accepted", "{\"tx_hash\":\"" + txHash + "\"}");
    assessPayments();
    return new VerifyPaymentResult(
        Verdict.ACCEPTED,
        "counted, marked manual; " + tracked.confirmations() + " of "
            + state.policy().confirmationsRequired() + " confirmations",
        txHash, tracked.key());
  }

  private VerifyPaymentResult rejected(String txHash, String requestedBy, String reason) {
    audit("verify_payment", requestedBy, "rejected: " + reason, "{\"tx_hash\":\"" + txHash + "\"}");
    return new VerifyPaymentResult(Verdict.REJECTED, reason, txHash, null);
  }

  @Override
  public VerifyPaymentResult assignDeposit(AssignDepositRequest request) {
    return submit(
        new Command<>() {
          @Override
          VerifyPaymentResult apply() {
            // Version 1: the update exists. Histories recorded before it never contain it.
            Workflow.getVersion(ASSIGN_UNMATCHED_DEPOSIT, Workflow.DEFAULT_VERSION, 1);
            return UnmatchedDepositAssignment.apply(request, new UnmatchedDepositAssignment.Invoice() {
              @Override
              public InvoiceState state() {
                return state;
              }

              @Override
              public Instant now() {
                return InvoiceWorkflowImpl.now();
              }

              @Override
              public void audit(String action, String actor, String reason, String details) {
                InvoiceWorkflowImpl.this.audit(action, actor, reason, details);
              }

              @Override
              public void paymentsChanged() {
                assessPayments();
              }
            });
          }
        });
  }

  @Override
  public void validateAssignDeposit(AssignDepositRequest request) {
    requireReason(request.reason(), request.requestedBy());
    if (request.deposit() == null || request.deposit().txId() == null) {
      throw invalidRequest("the deposit is required");
    }
    requireAwaitingPayment("assigned a deposit");
  }

  @Override
  public void pauseDunning(DunningRequest request) {
    commands.add(dunningToggle(true, request));
  }

  @Override
  public void resumeDunning(DunningRequest request) {
    commands.add(dunningToggle(false, request));
  }

  private Command<Void> dunningToggle(boolean pause, DunningRequest request) {
    return new Command<>() {
      @Override
      Void apply() {
        if (state.dunningPaused() == pause || !state.awaitingPayment()) {
          return null;
        }
        state.setDunningPaused(pause);
        recordChange();
        audit(pause ? "pause_dunning" : "resume_dunning", request.requestedBy(), request.reason(), null);
        return null;
      }
    };
  }

  @Override
  public void retryCfoSync(DunningRequest request) {
    if (state != null && state.cfo().status() == CfoSyncState.Status.FAILED) {
      cfoRetryRequested = true;
      commands.add(
          new Command<Void>() {
            @Override
            Void apply() {
              audit("retry_cfo_sync", request.requestedBy(), request.reason(), null);
              return null;
            }
          });
    }
  }

  @Override
  public void retryIssue() {
    retryIssueRequested = true;
  }

  @Override
  public void depositsObserved(DepositObservation observation) {
    observations.add(observation);
  }

  // ---- queries ----

  @Override
  public InvoiceStatusView status() {
    return view();
  }

  @Override
  public InvoiceStatusView awaitIssued() {
    // Answers once the outcome is recorded, so a caller reading the invoice's row sees it.
    Workflow.await(() -> issueSettled);
    return view();
  }

  private InvoiceStatusView view() {
    Instant now = now();
    if (state == null) {
      return new InvoiceStatusView(null, null, null, now);
    }
    // No next check: worked out from this (possibly minutes old) workflow time it went stale; the
    // API answers it from the scanner's schedule.
    DunningStage nextStage =
        state.awaitingPayment() && dunningActive() ? state.nextDunningStage().orElse(null) : null;
    return new InvoiceStatusView(state, null, nextStage, now);
  }

  // ---- helpers ----

  private boolean watchingDeposits() {
    return state.depositAddress() != null
        && (state.awaitingPayment() || state.status() == InvoiceStatus.PAID);
  }

  /** Records the state (a new version) and keeps the InvoiceStatus search attribute current. */
  private void recordChange() {
    state.bumpVersion();
    describe();
    if (state.status() != publishedStatus) {
      // Each upsert is a history event: publish changes only.
      Workflow.upsertTypedSearchAttributes(
          InvoiceWorkflows.INVOICE_STATUS.valueSet(state.status().wireName()));
      publishedStatus = state.status();
    }
    store.record(state);
  }

  private void announce(InvoiceEvent event) {
    pendingEvents.add(event);
    flushEvents();
  }

  private void flushEvents() {
    while (!pendingEvents.isEmpty()) {
      List<Long> recorded = notifications.record(pendingEvents.poll());
      state.deliveryPending(recorded);
      recorded.forEach(this::deliver);
    }
  }

  private void deliver(long notificationId) {
    Async.procedure(delivery::deliver, notificationId)
        .handle(
            (ignored, failure) -> {
              if (failure != null) {
                log.error("Notification {} could not be delivered: {}", notificationId, failure.getMessage());
              }
              state.deliveryDone(notificationId);
              return null;
            });
  }

  private void audit(String action, String actor, String reason, String details) {
    store.audit(
        new AuditEntry(
            state.invoiceNumber() + ":" + action + ":" + Workflow.randomUUID(),
            state.invoiceId(), action, actor, reason, details, now()));
  }

  private void requireAwaitingPayment(String what) {
    InvoiceStatus status = currentStatus();
    if (!status.acceptsPayment()) {
      throw invalidState("an invoice that is " + status.wireName() + " cannot be " + what);
    }
  }

  private InvoiceStatus currentStatus() {
    if (state == null) {
      throw invalidState("the invoice is still loading; try again");
    }
    return state.status();
  }

  private static void requireReason(String reason, String requestedBy) {
    if (reason == null || reason.isBlank()) {
      throw invalidRequest("reason is required");
    }
    if (requestedBy == null || requestedBy.isBlank()) {
      throw invalidRequest("requested_by is required");
    }
  }

  /** The invoice is in a state that does not allow the action (the API answers 409). */
  static ApplicationFailure invalidState(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, "InvalidInvoiceState");
  }

  /** The request itself is wrong (the API answers 400). */
  static ApplicationFailure invalidRequest(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, "InvalidOperatorRequest");
  }

  private boolean historyIsLong() {
    return Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_AFTER_EVENTS
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private void continueAsNew() {
    if (cfoSync != null) {
      Workflow.await(() -> cfoSync.isCompleted());
      handleCfoSync();
    }
    // Everything queued is applied first: no report is dropped, no update left waiting.
    do {
      handleObservations();
      handleCommands();
      Workflow.await(() -> Workflow.isEveryHandlerFinished());
    } while (!observations.isEmpty() || !commands.isEmpty());
    log.info("Invoice {} continues as new after {} events", state.invoiceNumber(), Workflow.getInfo().getHistoryLength());
    Workflow.continueAsNew(
        new InvoiceWorkflowInput(input.invoiceId(), input.invoiceNumber(), input.clientName(), state));
  }

  private static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    return cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : failure.getMessage();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
