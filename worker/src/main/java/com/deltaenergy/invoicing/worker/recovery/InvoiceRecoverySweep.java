package com.deltaenergy.invoicing.worker.recovery;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every invoice that is not finished must have a running workflow. The embedded Temporal service
 * forgets its workflows on restart; in production a workflow may have been terminated by hand.
 * This sweep, run at start and every ten minutes, starts a workflow for every unfinished invoice
 * that has none; the new workflow resumes from the invoice's last recorded state. Closed workflows
 * of unfinished invoices are reported, not restarted: someone ended them on purpose, or they failed.
 */
@Component
public class InvoiceRecoverySweep {

  private static final Logger log = LoggerFactory.getLogger(InvoiceRecoverySweep.class);
  private static final int PAGE = 500;

  /** What one sweep found. */
  public record Report(int checked, List<String> restarted, List<String> closedButUnfinished) {}

  private final InvoiceRepository invoices;
  private final NotificationRepository notifications;
  private final WorkflowClient client;
  private final String taskQueue;

  public InvoiceRecoverySweep(
      InvoiceRepository invoices,
      NotificationRepository notifications,
      WorkflowClient client,
      @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.invoices = invoices;
    this.notifications = notifications;
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public Report sweep() {
    List<String> restarted = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    int checked = 0;
    long afterId = 0;
    List<InvoiceRecord> page;
    do {
      page = invoices.unfinished(afterId, PAGE);
      for (InvoiceRecord invoice : page) {
        checked++;
        afterId = invoice.id();
        switch (workflowStatus(invoice)) {
          case WORKFLOW_EXECUTION_STATUS_RUNNING -> { }
          case WORKFLOW_EXECUTION_STATUS_UNSPECIFIED -> {
            start(invoice);
            notifications.handToSweep(invoice.id());
            restarted.add(invoice.invoiceNumber());
          }
          default -> closed.add(invoice.invoiceNumber());
        }
      }
    } while (page.size() == PAGE);
    Report report = new Report(checked, List.copyOf(restarted), List.copyOf(closed));
    if (!restarted.isEmpty() || !closed.isEmpty()) {
      log.warn("Recovery sweep: {} unfinished invoices checked, restarted {}, closed but unfinished {}",
          checked, restarted, closed);
    } else {
      log.info("Recovery sweep: {} unfinished invoices checked, all have running workflows", checked);
    }
    return report;
  }

  /** The workflow's status, or UNSPECIFIED when the service does not know the workflow at all. */
  private WorkflowExecutionStatus workflowStatus(InvoiceRecord invoice) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(invoice.workflowId()))
                  .build())
          .getWorkflowExecutionInfo()
          .getStatus();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED;
      }
      throw e;
    }
  }

  private void start(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(
                taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status(),
                invoice.amountUsd(), invoice.network(), invoice.dueDate()));
    WorkflowClient.start(
        workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
  }
}
