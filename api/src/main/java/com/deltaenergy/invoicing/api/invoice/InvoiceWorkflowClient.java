package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflows;
import io.temporal.client.WorkflowClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The API's only way to reach invoice workflows: start, query, signal. */
@Component
public class InvoiceWorkflowClient {

  private final WorkflowClient client;
  private final String taskQueue;

  public InvoiceWorkflowClient(
      WorkflowClient client, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public void start(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflows.startOptions(
                taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    WorkflowClient.start(
        workflow::run,
        new InvoiceWorkflowInput(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
  }

  public InvoiceWorkflowState status(InvoiceRecord invoice) {
    return stub(invoice).status();
  }

  public void cancel(InvoiceRecord invoice, CancelRequest request) {
    stub(invoice).cancel(request);
  }

  private InvoiceWorkflow stub(InvoiceRecord invoice) {
    return client.newWorkflowStub(InvoiceWorkflow.class, invoice.workflowId());
  }
}
