package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;

/**
 * Skeleton of the invoice lifecycle: holds the invoice's state, answers {@code status} and ends
 * on {@code cancel}.
 */
public class InvoiceWorkflowImpl implements InvoiceWorkflow {

  private final InvoiceRecordActivities records =
      Workflow.newActivityStub(
          InvoiceRecordActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private final InvoiceWorkflowInput input;
  private InvoiceStatus status = InvoiceStatus.DRAFT;
  private long stateVersion;
  private CancelRequest cancelRequest;

  // The input is taken in the constructor so queries and signals never see a half-built workflow.
  @WorkflowInit
  public InvoiceWorkflowImpl(InvoiceWorkflowInput input) {
    this.input = input;
  }

  @Override
  public void run(InvoiceWorkflowInput input) {
    Workflow.await(() -> cancelRequest != null);
    moveTo(InvoiceStatus.CANCELLED);
  }

  @Override
  public InvoiceWorkflowState status() {
    return new InvoiceWorkflowState(
        input.invoiceId(),
        input.invoiceNumber(),
        input.clientName(),
        status,
        stateVersion,
        cancelRequest == null ? null : cancelRequest.reason());
  }

  @Override
  public void cancel(CancelRequest request) {
    if (cancelRequest == null) {
      cancelRequest = request;
    }
  }

  private void moveTo(InvoiceStatus next) {
    status = next;
    stateVersion++;
    Workflow.upsertTypedSearchAttributes(InvoiceWorkflows.INVOICE_STATUS.valueSet(next.wireName()));
    records.recordStatus(input.invoiceId(), next, stateVersion);
  }
}
