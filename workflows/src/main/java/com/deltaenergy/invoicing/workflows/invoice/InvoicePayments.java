package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import com.deltaenergy.invoicing.workflows.payment.PaymentRules;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The invoice's payments: the scanner's reports and an operator's manual TxID check become tracked
 * deposits, the assessment moves the status, and the people concerned are told. Part of the
 * invoice workflow (it runs on the workflow thread and calls activities through its stubs).
 */
final class InvoicePayments {

  private static final Logger log = Workflow.getLogger(InvoicePayments.class);

  private final Supplier<InvoiceState> state;
  private final InvoiceJournal journal;
  private final InvoiceActivityStubs activities;

  InvoicePayments(Supplier<InvoiceState> state, InvoiceJournal journal, InvoiceActivityStubs activities) {
    this.state = state;
    this.journal = journal;
    this.activities = activities;
  }

  /** Applies the scanner's reports queued since the last turn of the loop, oldest first. */
  void handle(Deque<DepositObservation> observations) {
    InvoiceState state = this.state.get();
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
        assess();
      }
    }
  }

  /**
   * Adds or updates a deposit in the invoice's payments. Returns the payment if anything about it
   * changed, else null. A deposit that does not count is flagged for an operator, once.
   */
  private Payment track(ObservedDeposit deposit, boolean manual) {
    InvoiceState state = this.state.get();
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
      journal.tell(new InvoiceEvent(state.invoiceId(), InvoiceEvent.Type.PAYMENT_FLAGGED, updated.key()));
    }
    return updated;
  }

  /** Re-judges the payments, moves the status, records, then tells people what happened. */
  void assess() {
    InvoiceState state = this.state.get();
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
    journal.record();

    long id = state.invoiceId();
    boolean sawPaymentBefore = before != null && before.confirmed().add(before.pending()).signum() > 0;
    boolean seesPaymentNow = after.confirmed().add(after.pending()).signum() > 0;
    if (!sawPaymentBefore && seesPaymentNow) {
      journal.tell(InvoiceEvent.of(id, InvoiceEvent.Type.PAYMENT_DETECTED));
    }
    if (state.status() == InvoiceStatus.PARTIALLY_PAID
        && (before == null || after.confirmed().compareTo(before.confirmed()) != 0)) {
      journal.tell(
          new InvoiceEvent(id, InvoiceEvent.Type.PARTIALLY_PAID, after.confirmed().toPlainString()));
    }
    if (after.overpaid() && (before == null || after.excess().compareTo(before.excess()) != 0)) {
      journal.tell(new InvoiceEvent(id, InvoiceEvent.Type.OVERPAID, after.excess().toPlainString()));
    }
    journal.flush();
    if (previous != InvoiceStatus.PAID && state.status() == InvoiceStatus.PAID) {
      onPaid();
    }
  }

  void onPaid() {
    InvoiceState state = this.state.get();
    activities.documents.render(state.invoiceId(), DocumentKind.RECEIPT);
    journal.announce(InvoiceEvent.of(state.invoiceId(), InvoiceEvent.Type.PAID));
  }

  VerifyPaymentResult verify(String txHash, String requestedBy) {
    InvoiceState state = this.state.get();
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
    int accountVersion = Workflow.getVersion(InvoiceWorkflowImpl.TENANT_EXCHANGE_ACCOUNT, Workflow.DEFAULT_VERSION, 1);
    List<ObservedDeposit> found =
        accountVersion == Workflow.DEFAULT_VERSION
            ? activities.exchangeLookup.findDeposits(state.currency(), txHash, since)
            : activities.exchangeLookup.findInvoiceDeposits(state.invoiceId(), txHash, since);
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
      journal.record();
      journal.flush();
      return rejected(txHash, requestedBy, "it does not count for this invoice (" + tracked.flag() + "); recorded for an operator");
    }
    journal.audit("verify_payment", requestedBy, "accepted", Map.of("tx_hash", txHash));
    assess();
    return new VerifyPaymentResult(
        Verdict.ACCEPTED,
        "counted, marked manual; " + tracked.confirmations() + " of "
            + state.policy().confirmationsRequired() + " confirmations",
        txHash, tracked.key());
  }

  private VerifyPaymentResult rejected(String txHash, String requestedBy, String reason) {
    journal.audit("verify_payment", requestedBy, "rejected: " + reason, Map.of("tx_hash", txHash));
    return new VerifyPaymentResult(Verdict.REJECTED, reason, txHash, null);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
