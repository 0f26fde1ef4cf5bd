package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * Whether an operator's request may be applied to the invoice as it stands: pure functions over
 * {@link InvoiceState}, shared by the update validators (which refuse before anything is written
 * to the history) and the commands (which check again when the main loop applies them, since the
 * state may have moved in between). A refusal is an {@link ApplicationFailure} whose type the API
 * maps: {@link #INVALID_STATE} to 409, {@link #INVALID_REQUEST} to 400.
 */
final class OperatorGuards {

  static final String INVALID_STATE = "InvalidInvoiceState";
  static final String INVALID_REQUEST = "InvalidOperatorRequest";

  private OperatorGuards() {}

  /** Every change an operator makes names why and who: both go to the audit trail. */
  static void requireReason(String reason, String requestedBy) {
    if (reason == null || reason.isBlank()) {
      throw invalidRequest("reason is required");
    }
    if (requestedBy == null || requestedBy.isBlank()) {
      throw invalidRequest("requested_by is required");
    }
  }

  /** The state's status; a run that has not loaded its invoice yet refuses every request. */
  static InvoiceStatus currentStatus(InvoiceState state) {
    if (state == null) {
      throw invalidState("the invoice is still loading; try again");
    }
    return state.status();
  }

  static void requireAwaitingPayment(InvoiceState state, String what) {
    InvoiceStatus status = currentStatus(state);
    if (!status.acceptsPayment()) {
      throw invalidState("an invoice that is " + status.wireName() + " cannot be " + what);
    }
  }

  static void requireCancellable(InvoiceState state) {
    InvoiceStatus status = currentStatus(state);
    if (status == InvoiceStatus.PAID || status.isFinal()) {
      throw invalidState("an invoice that is " + status.wireName() + " cannot be cancelled");
    }
  }

  /** What the cancel validator checks: a reason, a cancellable status, no money on its way in. */
  static void checkCancel(InvoiceState state, CancelRequest request) {
    requireReason(request.reason(), request.requestedBy());
    requireCancellable(state);
    Optional<Payment> confirming = confirmingPayment(state);
    if (confirming.isPresent()) {
      throw confirmingRefusal(state, confirming.get());
    }
  }

  /** A deposit that counts for this invoice and is not yet final on the exchange. */
  static Optional<Payment> confirmingPayment(InvoiceState state) {
    int required = state.policy().confirmationsRequired();
    return state.payments().stream()
        .filter(p -> p.counts() && !p.confirmed(required) && p.depositStatus() != DepositStatus.FAILED)
        .findFirst();
  }

  static ApplicationFailure confirmingRefusal(InvoiceState state, Payment payment) {
    return invalidState(
        "deposit " + payment.txId() + " (" + payment.amount().toPlainString() + " " + payment.coinCode()
            + ", " + payment.confirmations() + " of " + state.policy().confirmationsRequired()
            + " confirmations) counts for this invoice and is still confirming; cancel once it is final,"
            + " or it would hide that money");
  }

  static void requireExtension(InvoiceState state, ExtendDueDateRequest request) {
    requireAwaitingPayment(state, "given a new due date");
    if (request.newDueDate() == null || !request.newDueDate().isAfter(state.dueDate())) {
      throw invalidRequest("new_due_date must be after the current due date " + state.dueDate());
    }
  }

  /** A re-quote only while nothing was paid against the locked amount. */
  static void requireRequotable(InvoiceState state) {
    requireAwaitingPayment(state, "re-quoted");
    boolean anyCounted = state.payments().stream().anyMatch(Payment::counts);
    if (anyCounted) {
      throw invalidState("payments have arrived already; a re-quote would change what they are measured against");
    }
  }

  /** What the verify-payment validator checks: a plausible hash, an invoice that takes payments. */
  static void checkVerifyPayment(InvoiceState state, VerifyPaymentRequest request) {
    if (request.txHash() == null || request.txHash().isBlank()) {
      throw invalidRequest("tx_hash is required");
    }
    if (request.txHash().trim().length() > 128 || !request.txHash().trim().matches("[0-9A-Za-z]+")) {
      throw invalidRequest("tx_hash must be a transaction hash (letters and digits, at most 128)");
    }
    InvoiceStatus status = currentStatus(state);
    if (!status.acceptsPayment() && status != InvoiceStatus.PAID) {
      throw invalidState("an invoice that is " + status.wireName() + " takes no payments");
    }
  }

  /** What the assign-deposit validator checks: a reason, a deposit, an invoice awaiting payment. */
  static void checkAssignDeposit(InvoiceState state, AssignDepositRequest request) {
    requireReason(request.reason(), request.requestedBy());
    if (request.deposit() == null || request.deposit().txId() == null) {
      throw invalidRequest("the deposit is required");
    }
    requireAwaitingPayment(state, "assigned a deposit");
  }

  /** The invoice is in a state that does not allow the action (the API answers 409). */
  static ApplicationFailure invalidState(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_STATE);
  }

  /** The request itself is wrong (the API answers 400). */
  static ApplicationFailure invalidRequest(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_REQUEST);
  }
}
