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

  InvoiceTimers(boolean summaries) {
    this.summaries = summaries;
  }

  /** Waits for the condition or the deadline (capped, see {@link #untilDeadline}), whichever first. */
  void awaitDeadline(Instant deadline, String what, Supplier<Boolean> condition) {
    Duration wait = untilDeadline(deadline);
    String summary =
        wait.compareTo(Duration.between(now(), deadline).plusMillis(1)) < 0
            ? "look at the dates again (" + what + " is further off)"
            : what;
    awaitOrTimer(wait, summary, condition);
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
    List<Promise<Void>> timer = new ArrayList<>(1);
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
