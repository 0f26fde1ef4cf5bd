package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import java.time.Instant;
import java.util.Optional;

/** When the invoice next has something to do on its own (overdue, a dunning stage), from its state. */
final class InvoiceDeadlines {

  private InvoiceDeadlines() {}

  static Instant next(InvoiceState state) {
    if (!state.awaitingPayment()) {
      return null;
    }
    Instant next = state.overdue() ? null : state.overdueAt();
    if (dunningActive(state)) {
      Optional<DunningStage> stage = state.nextDunningStage();
      if (stage.isPresent() && (next == null || stage.get().dueAt().isBefore(next))) {
        next = stage.get().dueAt();
      }
    }
    return next;
  }

  /**
   * Reminders go out unless an operator paused them or a payment is confirming right now (it may
   * well settle the invoice).
   */
  static boolean dunningActive(InvoiceState state) {
    return !state.dunningPaused()
        && state.status() != InvoiceStatus.PAYMENT_DETECTED
        && state.status() != InvoiceStatus.CONFIRMING;
  }

  /** What the next deadline is, for the timer's summary. */
  static String summary(InvoiceState state, Instant deadline) {
    Optional<DunningStage> stage = dunningActive(state) ? state.nextDunningStage() : Optional.empty();
    if (stage.isPresent() && stage.get().dueAt().equals(deadline)) {
      return "dunning stage " + stage.get().number() + " at " + stage.get().dueAt();
    }
    return "overdue threshold at " + deadline;
  }
}
