package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Chasing a late payer: the invoice turns overdue, and the tenant's dunning stages go out on their
 * days. Part of the invoice workflow (it runs on the workflow thread; {@link InvoiceDeadlines}
 * says when to wake, this class what to do then).
 */
final class InvoiceChasing {

  private final Supplier<InvoiceState> state;
  private final InvoiceJournal journal;

  InvoiceChasing(Supplier<InvoiceState> state, InvoiceJournal journal) {
    this.state = state;
    this.journal = journal;
  }

  /** A stage whose day has passed before the invoice was even issued is not sent late. */
  void skipStagesBefore(Instant issuedAt) {
    for (DunningStage stage : state.get().dunning()) {
      if (stage.open() && !stage.dueAt().isAfter(issuedAt)) {
        state.get().dunningStageSkipped(stage.number());
      }
    }
  }

  /** Marks the invoice overdue and sends the dunning stage that is due, if any, as of {@code now}. */
  void handleDeadlines(Instant now) {
    InvoiceState state = this.state.get();
    if (!state.awaitingPayment()) {
      return;
    }
    if (!state.overdue() && !now.isBefore(state.overdueAt())) {
      state.markOverdue();
      state.setStatus(state.derivedStatus());
      journal.record();
      journal.announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.OVERDUE));
    }
    if (!InvoiceDeadlines.dunningActive(state)) {
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
    journal.record();
    journal.announce(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.DUNNING_STAGE, String.valueOf(latest.number())));
    if (latest.number() == DunningSchedule.COLLECTIONS_STAGE) {
      journal.announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.COLLECTIONS));
    }
  }
}
