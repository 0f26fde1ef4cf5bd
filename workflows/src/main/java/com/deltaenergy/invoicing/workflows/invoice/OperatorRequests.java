package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.time.LocalDate;

/**
 * What operators ask of an invoice that carries more than a reason (see {@link OperatorReason}).
 * Each names who asks and why; both go to the audit trail.
 */
public final class OperatorRequests {

  private OperatorRequests() {}

  public record ExtendDueDateRequest(LocalDate newDueDate, String reason, String requestedBy) {}

  public record VerifyPaymentRequest(String txHash, String requestedBy) {}

  /**
   * Counts a deposit that reached no open invoice's address (or was flagged on another invoice)
   * for this invoice, as an operator decided on reconciliation.
   *
   * @param unmatchedId the reconciliation record of the deposit
   */
  public record AssignDepositRequest(
      long unmatchedId, ObservedDeposit deposit, String reason, String requestedBy) {}

  /** How a manual TxID verification ended. */
  public record VerifyPaymentResult(Verdict verdict, String reason, String txHash, String paymentKey) {
    public enum Verdict {
      /** Found on the exchange, matches, and now counts (marked manual). */
      ACCEPTED,
      /** Already counted for this invoice; counted once. */
      ALREADY_COUNTED,
      /** Not found, or does not match the invoice; the reason says which. */
      REJECTED
    }
  }
}
