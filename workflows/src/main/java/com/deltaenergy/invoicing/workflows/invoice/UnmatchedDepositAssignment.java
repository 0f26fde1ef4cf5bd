package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import java.time.Instant;

/**
 * Counting a deposit an operator assigned to the invoice on reconciliation: money that reached
 * the exchange account but no open invoice (an old address, a cancelled invoice, the wrong
 * network). The operator's decision overrides address, network, memo and cancellation; it cannot
 * make another coin, or money the exchange has not credited, count. An assigned deposit is
 * credited, so it counts as confirmed: no scanner report of this invoice's address will carry it.
 */
final class UnmatchedDepositAssignment {

  /** What of the invoice workflow the assignment needs. */
  interface Invoice {
    InvoiceState state();

    Instant now();

    void audit(String action, String actor, String reason, java.util.Map<String, ?> details);

    /** Re-judges the payments, moves the status and records: as for a scanner report. */
    void paymentsChanged();
  }

  private UnmatchedDepositAssignment() {}

  static VerifyPaymentResult apply(AssignDepositRequest request, Invoice invoice) {
    InvoiceState state = invoice.state();
    if (!state.status().acceptsPayment()) {
      throw OperatorGuards.invalidState(
          "an invoice that is " + state.status().wireName() + " takes no payments");
    }
    ObservedDeposit deposit = request.deposit();
    Payment known = state.payment(deposit.key());
    if (known != null && known.counts()) {
      return new VerifyPaymentResult(Verdict.ALREADY_COUNTED, "already counted for this invoice", deposit.txId(), known.key());
    }
    if (deposit.coin() != state.currency()) {
      return new VerifyPaymentResult(
          Verdict.REJECTED, "the deposit is " + deposit.coinCode() + ", the invoice is paid in " + state.currency(),
          deposit.txId(), null);
    }
    if (deposit.status() != DepositStatus.CREDITED) {
      return new VerifyPaymentResult(
          Verdict.REJECTED, "the exchange has not credited the deposit (" + deposit.status() + "); assign it once it has",
          deposit.txId(), null);
    }
    int required = state.policy().confirmationsRequired();
    Payment payment =
        new Payment(
            deposit.txId(), deposit.coin(), deposit.coinCode(), deposit.network(), deposit.exchangeNetwork(),
            deposit.amount(), Math.max(deposit.confirmations(), required), deposit.status(), deposit.insertedAt(),
            known != null ? known.firstSeenAt() : invoice.now(), true, null, true, deposit.rawRecord());
    state.putPayment(payment);
    invoice.audit(
        "assign_deposit", request.requestedBy(), request.reason(),
        AuditDetails.of(
            "unmatched_id", request.unmatchedId(), "tx_hash", nonNull(deposit.txId()),
            "address", nonNull(deposit.address()), "amount", deposit.amount().toPlainString()));
    invoice.paymentsChanged();
    return new VerifyPaymentResult(Verdict.ACCEPTED, "assigned and counted, marked manual", deposit.txId(), payment.key());
  }

  /** An absent value is written as an empty string, as the audit trail always had it. */
  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
