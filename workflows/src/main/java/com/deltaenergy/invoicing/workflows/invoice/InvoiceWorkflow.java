package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One long-running workflow per invoice, the source of truth for its state: issue, watch for
 * payment, chase, book, complete (or cancel).
 */
@WorkflowInterface
public interface InvoiceWorkflow {

  @WorkflowMethod
  void run(InvoiceWorkflowInput input);

  /** The full live state: payments, confirmations, next check, next dunning stage. */
  @QueryMethod
  InvoiceStatusView status();

  /** Waits until the invoice is issued (address, quote, document) or issuing failed. */
  @UpdateMethod
  InvoiceStatusView awaitIssued();

  /** The deposit scanner's report of everything that reached the invoice's address. */
  @SignalMethod
  void depositsObserved(DepositObservation observation);

  @UpdateMethod
  VerifyPaymentResult verifyPayment(VerifyPaymentRequest request);

  @UpdateValidatorMethod(updateName = "verifyPayment")
  void validateVerifyPayment(VerifyPaymentRequest request);

  /** Counts an unmatched deposit for this invoice, as a payment; at most once per deposit. */
  @UpdateMethod
  VerifyPaymentResult assignDeposit(AssignDepositRequest request);

  @UpdateValidatorMethod(updateName = "assignDeposit")
  void validateAssignDeposit(AssignDepositRequest request);

  @UpdateMethod
  InvoiceStatusView cancel(CancelRequest request);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(CancelRequest request);

  @UpdateMethod
  InvoiceStatusView markPaid(OperatorReason request);

  @UpdateValidatorMethod(updateName = "markPaid")
  void validateMarkPaid(OperatorReason request);

  @UpdateMethod
  InvoiceStatusView extendDueDate(ExtendDueDateRequest request);

  @UpdateValidatorMethod(updateName = "extendDueDate")
  void validateExtendDueDate(ExtendDueDateRequest request);

  @UpdateMethod
  InvoiceStatusView requote(OperatorReason request);

  @UpdateValidatorMethod(updateName = "requote")
  void validateRequote(OperatorReason request);

  @SignalMethod
  void pauseDunning(OperatorReason request);

  @SignalMethod
  void resumeDunning(OperatorReason request);

  /** Tries booking in the CFO ledger again after it failed. */
  @SignalMethod
  void retryCfoSync(OperatorReason request);

  /** Tries issuing again after it failed (e.g. once exchange credentials are fixed). */
  @SignalMethod
  void retryIssue();
}
