package com.deltaenergy.invoicing.workflows.invoice;

import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireAwaitingPayment;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireReason;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireRequotable;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities.CfoSyncResult;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities.AddressAndQuote;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.LoadedInvoice;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The invoice lifecycle. Issue (address, quote, document, notice) → watch (the deposit scanner
 * signals what reaches the address) → chase (overdue and dunning on durable timers) → paid →
 * receipt and CFO booking → complete. Operators cancel, mark paid, extend, re-quote and verify
 * payments through updates; those are queued and applied by the main loop, so every change of
 * state happens in one place, in order, and is recorded before anyone is told about it.
 *
 * <p>This class is the life in order; its parts live next to it, all on the workflow thread:
 * {@link InvoicePayments} (deposits and their assessment), {@link OperatorCommands} and
 * {@link OperatorGuards} (what operators may ask and what it does), {@link InvoiceChasing} (overdue
 * and dunning), {@link InvoiceJournal} (record,
 * audit, tell), {@link InvoiceTimers} and {@link InvoiceDeadlines} (when to wake), and
 * {@link InvoiceActivityStubs} (the activities with their timeouts and retries).
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

  private final InvoiceActivityStubs activities = new InvoiceActivityStubs();
  private final InvoiceJournal journal = new InvoiceJournal(() -> this.state, activities);
  private final InvoicePayments payments = new InvoicePayments(() -> this.state, journal, activities);
  private final OperatorCommands operations = new OperatorCommands(() -> this.state, journal, payments, activities);
  private final InvoiceChasing chasing = new InvoiceChasing(() -> this.state, journal);

  private final InvoiceWorkflowInput input;
  private InvoiceState state;

  private final Deque<DepositObservation> observations = new ArrayDeque<>();
  private final Deque<Command<?>> commands = new ArrayDeque<>();
  private boolean retryIssueRequested;
  /** Issuing ended one way or the other and that is recorded: awaitIssued may answer. */
  private boolean issueSettled;
  private boolean cfoRetryRequested;
  private Promise<CfoSyncResult> cfoSync;
  /** This run keeps its history small, see {@link InvoiceActivityStubs#SMALL_FOOTPRINT}. */
  private boolean smallFootprint;
  /** The scanner was told the invoice is closed, together with its last record. */
  private boolean watchClosed;
  /** This run's timers, with or without summaries (see {@link #TIMER_SUMMARIES}). */
  private InvoiceTimers timers;

  @WorkflowInit
  public InvoiceWorkflowImpl(InvoiceWorkflowInput input) {
    this.input = input;
    this.state = input.carriedState();
  }

  @Override
  public void run(InvoiceWorkflowInput input) {
    // Asked first: a run from before it was released answers the older question below, while a
    // newer run has timer summaries too and spares the history that marker.
    int shortSteps =
        Workflow.getVersion(
            InvoiceActivityStubs.LOCAL_SHORT_STEPS, Workflow.DEFAULT_VERSION, InvoiceActivityStubs.NOTIFICATION_QUEUE);
    if (shortSteps >= 1) {
      activities.runShortStepsLocally();
      journal.batchNotifications();
      timers = new InvoiceTimers(true);
      smallFootprint = shortSteps >= InvoiceActivityStubs.SMALL_FOOTPRINT;
      if (smallFootprint) {
        timers.keepTimerWhileTheDeadlineStands();
      }
      if (shortSteps >= InvoiceActivityStubs.NOTIFICATION_QUEUE) {
        activities.deliverOnTheNotificationQueue();
      }
    } else {
      timers = new InvoiceTimers(Workflow.getVersion(TIMER_SUMMARIES, Workflow.DEFAULT_VERSION, 1) == 1);
    }
    if (state == null) {
      LoadedInvoice loaded = activities.store.load(input.invoiceId());
      state = loaded.recorded() != null ? loaded.recorded() : InvoiceState.of(loaded.terms());
    }
    // Deliveries a previous run (or a lost server) left unconfirmed: delivery is idempotent.
    journal.deliver(state.pendingDeliveries());

    issueSettled = state.status() != InvoiceStatus.DRAFT;
    if (state.status() == InvoiceStatus.DRAFT) {
      issue();
    } else if (watchingDeposits()) {
      // A resumed invoice asks the scanner for the full picture of its address again.
      activities.store.watch(state.invoiceId());
    }
    if (smallFootprint) {
      journal.deliverLocallyFirst();
    }

    while (!state.status().isFinal()) {
      if (state.status() == InvoiceStatus.PAID && cfoSync == null
          && (state.cfo().status() != CfoSyncState.Status.FAILED || cfoRetryRequested)) {
        startCfoSync();
      }
      Instant deadline = InvoiceDeadlines.next(state);
      Supplier<Boolean> somethingToDo =
          () -> !observations.isEmpty() || !commands.isEmpty() || cfoRetryRequested
              || (cfoSync != null && cfoSync.isCompleted());
      describe();
      if (deadline == null) {
        Workflow.await(somethingToDo);
      } else {
        timers.awaitDeadline(deadline, InvoiceDeadlines.summary(state, deadline), somethingToDo);
      }
      payments.handle(observations);
      handleCommands();
      chasing.handleDeadlines(now());
      handleCfoSync();

      if (!state.status().isFinal() && historyIsLong()) {
        continueAsNew();
      }
    }
    finish();
  }

  /**
   * The run's current details in the Temporal Web UI: why it waits, in a line. Not part of the
   * history (a query answers it), so it is simply kept up to date.
   */
  private void describe() {
    Workflow.setCurrentDetails(InvoiceDetails.of(state));
  }

  // ---- issuing ----

  private void issue() {
    while (state.status() == InvoiceStatus.DRAFT) {
      // Cleared before the attempt: a retry asked for while a failure is being recorded counts.
      retryIssueRequested = false;
      try {
        AddressAndQuote terms =
            activities.shortStepsLocal()
                ? activities.exchange.addressAndQuote(state.invoiceId())
                : new AddressAndQuote(
                    activities.exchange.allocateDepositAddress(state.invoiceId()),
                    activities.exchange.lockQuote(state.invoiceId()));
        DepositAddress address = terms.address();
        Quote quote = terms.quote();
        activities.documents.render(state.invoiceId(), DocumentKind.INVOICE);
        state.issued(
            address.address(), address.memo(), address.exchangeNetwork(), quote.cryptoAmount(),
            quote.exchangeRate(), quote.lockedAt(), quote.source(), now());
        chasing.skipStagesBefore(now());
        state.reassess();
        if (activities.shortStepsLocal()) {
          journal.recordAndWatch();
          issueSettled = true;
        } else {
          journal.record();
          issueSettled = true;
          activities.store.watch(state.invoiceId());
        }
        journal.announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.CREATED));
      } catch (ActivityFailure e) {
        String reason = reason(e);
        log.warn("Issuing invoice {} failed: {}", state.invoiceNumber(), reason);
        state.issueFailed(reason);
        journal.record();
        issueSettled = true;
        describe();
        timers.awaitOrTimer(ISSUE_RETRY_AFTER, "issue retry", () -> retryIssueRequested || !commands.isEmpty());
        handleCommands();
      }
    }
  }

  // ---- CFO booking and completion ----

  private void startCfoSync() {
    cfoRetryRequested = false;
    CfoSyncState previous = state.cfo();
    state.setCfo(new CfoSyncState(CfoSyncState.Status.SYNCING, previous.attempts() + 1, previous.lastError(), null, null));
    journal.record();
    cfoSync = Async.function(activities.cfo::syncInvoice, state.invoiceId());
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
      if (smallFootprint && state.depositAddress() != null) {
        // The last record and the scanner's close in one activity: the run ends right after.
        journal.recordAndCloseWatch(closedWatchUntil());
        watchClosed = true;
      } else {
        journal.record();
      }
    } catch (ActivityFailure e) {
      String reason = reason(e);
      activities.cfoBookkeeping.markFailed(state.invoiceId(), reason);
      state.setCfo(new CfoSyncState(CfoSyncState.Status.FAILED, state.cfo().attempts(), reason, null, null));
      journal.record();
      journal.announce(
          new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.CFO_SYNC_FAILED, String.valueOf(state.cfo().attempts())));
    }
  }

  private void finish() {
    if (state.depositAddress() != null && !watchClosed) {
      activities.store.closeWatch(state.invoiceId(), state.status(), closedWatchUntil());
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

  private <T> T submit(Supplier<T> operation) {
    Command<T> command = Command.of(operation);
    commands.add(command);
    Workflow.await(command::done);
    return command.outcome();
  }

  @Override
  public InvoiceStatusView cancel(CancelRequest request) {
    return submit(() -> {
      operations.cancel(request);
      return view();
    });
  }

  @Override
  public void validateCancel(CancelRequest request) {
    OperatorGuards.checkCancel(state, request);
  }

  @Override
  public InvoiceStatusView markPaid(OperatorReason request) {
    return submit(() -> {
      operations.markPaid(request);
      return view();
    });
  }

  @Override
  public void validateMarkPaid(OperatorReason request) {
    requireReason(request.reason(), request.requestedBy());
    requireAwaitingPayment(state, "marked paid");
  }

  @Override
  public InvoiceStatusView extendDueDate(ExtendDueDateRequest request) {
    return submit(() -> {
      operations.extendDueDate(request);
      return view();
    });
  }

  @Override
  public void validateExtendDueDate(ExtendDueDateRequest request) {
    requireReason(request.reason(), request.requestedBy());
    // The date check stays in the handler: SDK 1.38 drops a validator failure's type
    // (temporalio/sdk-java#2875), and the API must tell a bad date (400) from a bad state (409).
    requireAwaitingPayment(state, "given a new due date");
  }

  @Override
  public InvoiceStatusView requote(OperatorReason request) {
    return submit(() -> {
      operations.requote(request);
      return view();
    });
  }

  @Override
  public void validateRequote(OperatorReason request) {
    requireReason(request.reason(), request.requestedBy());
    requireRequotable(state);
  }

  @Override
  public VerifyPaymentResult verifyPayment(VerifyPaymentRequest request) {
    return submit(() -> payments.verify(request.txHash().trim(), request.requestedBy()));
  }

  @Override
  public void validateVerifyPayment(VerifyPaymentRequest request) {
    OperatorGuards.checkVerifyPayment(state, request);
  }

  @Override
  public VerifyPaymentResult assignDeposit(AssignDepositRequest request) {
    return submit(() -> operations.assignDeposit(request));
  }

  @Override
  public void validateAssignDeposit(AssignDepositRequest request) {
    OperatorGuards.checkAssignDeposit(state, request);
  }

  @Override
  public void pauseDunning(OperatorReason request) {
    commands.add(Command.doing(() -> operations.dunning(true, request)));
  }

  @Override
  public void resumeDunning(OperatorReason request) {
    commands.add(Command.doing(() -> operations.dunning(false, request)));
  }

  @Override
  public void retryCfoSync(OperatorReason request) {
    if (state != null && state.cfo().status() == CfoSyncState.Status.FAILED) {
      cfoRetryRequested = true;
      commands.add(Command.doing(() -> operations.retryCfoSync(request)));
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
        state.awaitingPayment() && InvoiceDeadlines.dunningActive(state) ? state.nextDunningStage().orElse(null) : null;
    return new InvoiceStatusView(state, null, nextStage, now);
  }

  // ---- helpers ----

  private Instant closedWatchUntil() {
    return now().plus(WATCH_CLOSED_ADDRESS_FOR);
  }

  private boolean watchingDeposits() {
    return state.depositAddress() != null
        && (state.awaitingPayment() || state.status() == InvoiceStatus.PAID);
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
      payments.handle(observations);
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
