package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One long-running workflow per invoice: the source of truth for the invoice's state. */
@WorkflowInterface
public interface InvoiceWorkflow {

  @WorkflowMethod
  void run(InvoiceWorkflowInput input);

  /** The live state of the invoice. */
  @QueryMethod
  InvoiceWorkflowState status();

  /** Voids the invoice; the workflow ends. */
  @SignalMethod
  void cancel(CancelRequest request);
}
