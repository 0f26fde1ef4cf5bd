package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;

/**
 * The run's current details in the Temporal Web UI: why the invoice waits, in a line. A pure
 * function of the state; not part of the history (a query answers it).
 */
final class InvoiceDetails {

  private InvoiceDetails() {}

  static String of(InvoiceState state) {
    InvoiceStatus status = state.status();
    String coin = state.currency() + "/" + state.network().name();
    switch (status) {
      case DRAFT:
        return state.issueError() == null
            ? "issuing: deposit address, quote, document"
            : "issuing failed: " + state.issueError() + "; next issue retry within "
                + InvoiceWorkflowImpl.ISSUE_RETRY_AFTER.toMinutes() + " min, or on retry-issue";
      case PAID:
        CfoSyncState cfoState = state.cfo();
        return cfoState.status() == CfoSyncState.Status.FAILED
            ? "paid; CFO ledger booking failed (" + cfoState.lastError() + "): waiting for sync-to-cfo"
            : "paid " + state.paidAt() + "; booking in the CFO ledger (attempt " + cfoState.attempts() + ")";
      case COMPLETE:
        return "complete: paid " + state.paidAt() + ", booked in the CFO ledger as "
            + state.cfo().cfoTransactionId() + deliveriesPending(state);
      case CANCELLED:
        return "cancelled by " + state.cancelledBy() + ": " + state.cancelReason() + deliveriesPending(state);
      default:
        break;
    }
    StringBuilder details = new StringBuilder();
    PaymentAssessment assessment = state.assessment();
    if (status == InvoiceStatus.PAYMENT_DETECTED || status == InvoiceStatus.CONFIRMING) {
      int required = state.policy().confirmationsRequired();
      details.append(coin).append(" deposit confirming: ");
      details.append(
          String.join(", ", state.payments().stream()
              .filter(p -> p.counts() && !p.confirmed(required))
              .map(p -> p.txId() + " " + p.confirmations() + " of " + required)
              .toList()));
    } else {
      details.append("awaiting ").append(coin).append(" deposit");
      if (state.cryptoAmount() != null) {
        details.append(" of ").append(assessment != null && assessment.confirmed().signum() > 0
            ? assessment.remaining().toPlainString() + " (of " + state.cryptoAmount().toPlainString() + ")"
            : state.cryptoAmount().toPlainString());
      }
      details.append(" to ").append(state.depositAddress());
    }
    if (state.overdue()) {
      details.append("; overdue since ").append(state.overdueAt());
    } else {
      details.append("; overdue after ").append(state.overdueAt());
    }
    if (state.dunningPaused()) {
      details.append("; reminders paused");
    } else {
      state.nextDunningStage().ifPresent(stage -> details.append("; next reminder: stage ")
          .append(stage.number()).append(" on ")
          .append(java.time.LocalDate.ofInstant(stage.dueAt(), java.time.ZoneId.of(state.timeZone()))));
    }
    return details.toString();
  }

  private static String deliveriesPending(InvoiceState state) {
    int pending = state.pendingDeliveries().size();
    return pending == 0 ? "" : "; delivering " + pending + " notification(s)";
  }
}
