package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The invoice workflow's durable waits: until something happens or a deadline passes. Whether the
 * timers carry a summary for the Web UI is fixed per run (change {@code timer-summaries}).
 */
final class InvoiceTimers {

  private final boolean summaries;
  /** See {@link #keepTimerWhileTheDeadlineStands()}. */
  private boolean keepDeadlineTimer;
  /** The deadline the kept timer waits for, and the timer. */
  private Instant keptDeadline;
  private CancellableTimer keptTimer;

  InvoiceTimers(boolean summaries) {
    this.summaries = summaries;
  }

  /**
   * From {@link InvoiceActivityStubs#SMALL_FOOTPRINT} on: a deadline's timer stays while the
   * deadline stands, rather than being cancelled and started anew each time a report or a command
   * wakes the loop (two history events each time). A timer whose deadline went away (the invoice
   * paid) is left to fire or to end with the run: a cancel is an event too.
   */
  void keepTimerWhileTheDeadlineStands() {
    keepDeadlineTimer = true;
  }

  /** Waits for the condition or the deadline (capped, see {@link #untilDeadline}), whichever first. */
  void awaitDeadline(Instant deadline, String what, Supplier<Boolean> condition) {
    if (keepDeadlineTimer) {
      awaitKeptTimer(deadline, what, condition);
      return;
    }
    Duration wait = untilDeadline(deadline);
    awaitOrTimer(wait, summary(deadline, wait, what), condition);
  }

  /**
   * Waits until the condition holds or the time is up, as {@code Workflow.await(Duration, ...)}
   * does, with a summary on the timer for the Web UI. The timer is cancelled when the condition
   * comes first, as Workflow.await cancels its own.
   */
  void awaitOrTimer(Duration wait, String summary, Supplier<Boolean> condition) {
    if (!summaries) {
      Workflow.await(wait, condition);
      return;
    }
    if (condition.get()) {
      return; // nothing to wait for: no timer, as Workflow.await
    }
    CancellableTimer timer = CancellableTimer.start(wait, summary);
    Workflow.await(() -> timer.fired().isCompleted() || condition.get());
    if (!timer.fired().isCompleted()) {
      timer.scope().cancel();
    }
  }

  private void awaitKeptTimer(Instant deadline, String what, Supplier<Boolean> condition) {
    if (condition.get()) {
      return; // nothing to wait for: the timer, if any, stays as it is
    }
    // Only the same deadline keeps the timer: one kept for an earlier deadline would wake the loop
    // harmlessly, but its summary in the Web UI would name a deadline no longer waited for
    // (dunning stage 1 while reminders are paused).
    if (keptTimer == null || keptTimer.fired().isCompleted() || !deadline.equals(keptDeadline)) {
      if (keptTimer != null && !keptTimer.fired().isCompleted()) {
        keptTimer.scope().cancel();
      }
      Duration wait = untilDeadline(deadline);
      keptTimer = CancellableTimer.start(wait, summary(deadline, wait, what));
      keptDeadline = deadline;
    }
    Promise<Void> waitingFor = keptTimer.fired();
    Workflow.await(() -> waitingFor.isCompleted() || condition.get());
  }

  /** A timer with its summary, started in a scope of its own so that it can be cancelled. */
  private record CancellableTimer(CancellationScope scope, Promise<Void> fired) {
    static CancellableTimer start(Duration wait, String summary) {
      List<Promise<Void>> timer = new ArrayList<>(1);
      CancellationScope scope =
          Workflow.newCancellationScope(
              () -> {
                timer.add(Workflow.newTimer(wait, TimerOptions.newBuilder().setSummary(summary).build()));
              });
      scope.run();
      return new CancellableTimer(scope, timer.get(0));
    }
  }

  /** The timer's summary: the deadline's name, or that the wait was capped short of it. */
  private static String summary(Instant deadline, Duration wait, String what) {
    return wait.compareTo(Duration.between(now(), deadline).plusMillis(1)) < 0
        ? "look at the dates again (" + what + " is further off)"
        : what;
  }

  /**
   * How long to wait for a deadline. Dates come from people (a due date in the year 99999): the
   * wait is capped, and the loop simply comes round again when the capped timer fires.
   */
  private static Duration untilDeadline(Instant deadline) {
    Duration wait = Duration.between(now(), deadline).plusMillis(1);
    if (wait.compareTo(InvoiceWorkflowImpl.LONGEST_TIMER) <= 0) {
      return wait;
    }
    // Asked only when it matters: histories of ordinary invoices carry no marker for it.
    int version = Workflow.getVersion(InvoiceWorkflowImpl.CLAMPED_TIMERS, Workflow.DEFAULT_VERSION, 1);
    return version == Workflow.DEFAULT_VERSION ? wait : InvoiceWorkflowImpl.LONGEST_TIMER;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
