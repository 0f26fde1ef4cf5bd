package com.deltaenergy.invoicing.workflows.invoice;

import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.confirmingPayment;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.confirmingRefusal;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.invalidState;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireAwaitingPayment;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireCancellable;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireExtension;
import static com.deltaenergy.invoicing.workflows.invoice.OperatorGuards.requireRequotable;

import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an operator's request does to the invoice, applied by the workflow's main loop (see
 * {@link Command}): guard again (the state may have moved since the validator), change, record,
 * audit, tell. Runs on the workflow thread; every change of behaviour here is version-gated.
 */
final class OperatorCommands {

  private final Supplier<InvoiceState> state;
  private final InvoiceJournal journal;
  private final InvoicePayments payments;
  private final InvoiceActivityStubs activities;

  OperatorCommands(
      Supplier<InvoiceState> state, InvoiceJournal journal, InvoicePayments payments, InvoiceActivityStubs activities) {
    this.state = state;
    this.journal = journal;
    this.payments = payments;
    this.activities = activities;
  }

  void cancel(CancelRequest request) {
    InvoiceState state = this.state.get();
    requireCancellable(state);
    Optional<Payment> confirming = confirmingPayment(state);
    // Asked only when it matters: histories of ordinary cancels carry no marker for it.
    if (confirming.isPresent()
        && Workflow.getVersion(InvoiceWorkflowImpl.NO_CANCEL_WHILE_CONFIRMING, Workflow.DEFAULT_VERSION, 1) == 1) {
      throw confirmingRefusal(state, confirming.get());
    }
    state.cancelled(now(), request.reason(), request.requestedBy());
    journal.record();
    journal.audit("cancel", request.requestedBy(), request.reason(), null);
    journal.announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.CANCELLED));
  }

  void markPaid(OperatorReason request) {
    InvoiceState state = this.state.get();
    requireAwaitingPayment(state, "marked paid");
    state.paidManually(now(), request.reason());
    journal.record();
    journal.audit("mark_paid", request.requestedBy(), request.reason(), null);
    payments.onPaid();
  }

  void extendDueDate(ExtendDueDateRequest request) {
    InvoiceState state = this.state.get();
    requireExtension(state, request);
    String previous = state.dueDate().toString();
    state.extendDueDate(request.newDueDate(), now());
    state.setStatus(state.derivedStatus());
    journal.record();
    journal.audit("extend_due_date", request.requestedBy(), request.reason(),
        AuditDetails.of("from", previous, "to", request.newDueDate().toString()));
  }

  void requote(OperatorReason request) {
    InvoiceState state = this.state.get();
    requireRequotable(state);
    String previousAmount = state.cryptoAmount().toPlainString();
    String previousRate = state.exchangeRate().toPlainString();
    Quote quote = activities.exchangeLookup.requote(state.invoiceId(), state.rateLockedAt());
    boolean unchanged =
        quote.exchangeRate().compareTo(state.exchangeRate()) == 0
            && quote.cryptoAmount().compareTo(state.cryptoAmount()) == 0;
    // Asked only when it matters: histories of re-quotes that moved carry no marker for it.
    if (unchanged
        && Workflow.getVersion(InvoiceWorkflowImpl.UNCHANGED_REQUOTE, Workflow.DEFAULT_VERSION, 1) == 1) {
      journal.audit("requote", request.requestedBy(), request.reason(),
          AuditDetails.of("unchanged", true, "rate", previousRate, "amount", previousAmount));
      throw invalidState(
          "the exchange rate is unchanged at " + previousRate + " (" + previousAmount + " "
              + state.currency() + "); the invoice stands and nothing was sent");
    }
    state.quoted(quote.cryptoAmount(), quote.exchangeRate(), quote.lockedAt(), quote.source());
    state.reassess();
    journal.record();
    journal.audit("requote", request.requestedBy(), request.reason(),
        AuditDetails.of(
            "from_amount", previousAmount, "from_rate", previousRate,
            "to_amount", quote.cryptoAmount().toPlainString(), "to_rate", quote.exchangeRate().toPlainString()));
    activities.documents.render(state.invoiceId(), DocumentKind.INVOICE);
    journal.announce(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.REQUOTED, quote.lockedAt().toString()));
  }

  VerifyPaymentResult assignDeposit(AssignDepositRequest request) {
    // Version 1: the update exists. Histories recorded before it never contain it.
    Workflow.getVersion(InvoiceWorkflowImpl.ASSIGN_UNMATCHED_DEPOSIT, Workflow.DEFAULT_VERSION, 1);
    return UnmatchedDepositAssignment.apply(request, new UnmatchedDepositAssignment.Invoice() {
      @Override
      public InvoiceState state() {
        return state.get();
      }

      @Override
      public Instant now() {
        return OperatorCommands.now();
      }

      @Override
      public void audit(String action, String actor, String reason, Map<String, ?> details) {
        journal.audit(action, actor, reason, details);
      }

      @Override
      public void paymentsChanged() {
        payments.assess();
      }
    });
  }

  /** Pauses or resumes the reminders; a request that changes nothing records nothing. */
  void dunning(boolean pause, OperatorReason request) {
    InvoiceState state = this.state.get();
    if (state.dunningPaused() == pause || !state.awaitingPayment()) {
      return;
    }
    state.setDunningPaused(pause);
    journal.record();
    journal.audit(pause ? "pause_dunning" : "resume_dunning", request.requestedBy(), request.reason(), null);
  }

  /** The retry itself is the main loop's (it starts the booking again); this leaves the trail. */
  void retryCfoSync(OperatorReason request) {
    journal.audit("retry_cfo_sync", request.requestedBy(), request.reason(), null);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
