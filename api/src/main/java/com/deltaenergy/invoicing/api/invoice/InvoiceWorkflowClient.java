package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflows;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.DunningRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.MarkPaidRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.RequoteRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The API's only way to reach invoice workflows: start, query, update, signal. */
@Component
public class InvoiceWorkflowClient {

  private static final Logger log = LoggerFactory.getLogger(InvoiceWorkflowClient.class);
  /** A create answers with the issued invoice when issuing takes no longer than this. */
  private static final Duration ISSUE_WAIT = Duration.ofSeconds(15);

  private final WorkflowClient client;
  private final String taskQueue;

  public InvoiceWorkflowClient(
      WorkflowClient client, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Why an operator action was refused by the workflow, and how the API answers it. */
  public static class RefusedException extends RuntimeException {
    private final Kind kind;

    public enum Kind {
      /** The invoice is in a state that does not allow it (409). */
      CONFLICT,
      /** The request itself is wrong (400). */
      INVALID,
      /** No worker answered (503). */
      UNAVAILABLE
    }

    RefusedException(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /**
   * Starts the invoice's workflow (a repeated start finds the running one) and waits for it to be
   * issued, up to a bound; empty if issuing takes longer or no worker is running.
   */
  public Optional<InvoiceStatusView> startAndAwaitIssued(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflows.startOptions(
                taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    WorkflowClient.start(
        workflow::run,
        InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    try {
      WorkflowUpdateHandle<InvoiceStatusView> issued =
          WorkflowStub.fromTyped(workflow)
              .startUpdate(
                  UpdateOptions.newBuilder(InvoiceStatusView.class)
                      .setUpdateName("awaitIssued")
                      .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                      .build());
      return Optional.of(issued.getResultAsync().get(ISSUE_WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException | WorkflowException e) {
      log.warn("Invoice {} was not issued within {} s: {}", invoice.invoiceNumber(), ISSUE_WAIT.toSeconds(), e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The workflow's live view, or empty when it cannot answer (finished long ago, no worker). */
  public Optional<InvoiceStatusView> status(InvoiceRecord invoice) {
    try {
      return Optional.ofNullable(stub(invoice).status()).filter(view -> view.state() != null);
    } catch (WorkflowException e) {
      log.debug("No live status for {}: {}", invoice.invoiceNumber(), e.toString());
      return Optional.empty();
    }
  }

  public InvoiceStatusView cancel(InvoiceRecord invoice, CancelRequest request) {
    return update(invoice, workflow -> workflow.cancel(request));
  }

  public InvoiceStatusView markPaid(InvoiceRecord invoice, MarkPaidRequest request) {
    return update(invoice, workflow -> workflow.markPaid(request));
  }

  public InvoiceStatusView extendDueDate(InvoiceRecord invoice, ExtendDueDateRequest request) {
    return update(invoice, workflow -> workflow.extendDueDate(request));
  }

  public InvoiceStatusView requote(InvoiceRecord invoice, RequoteRequest request) {
    return update(invoice, workflow -> workflow.requote(request));
  }

  public VerifyPaymentResult verifyPayment(InvoiceRecord invoice, VerifyPaymentRequest request) {
    return update(invoice, workflow -> workflow.verifyPayment(request));
  }

  public void pauseDunning(InvoiceRecord invoice, DunningRequest request) {
    signal(invoice, workflow -> workflow.pauseDunning(request));
  }

  public void resumeDunning(InvoiceRecord invoice, DunningRequest request) {
    signal(invoice, workflow -> workflow.resumeDunning(request));
  }

  public void retryCfoSync(InvoiceRecord invoice, DunningRequest request) {
    signal(invoice, workflow -> workflow.retryCfoSync(request));
  }

  public void retryIssue(InvoiceRecord invoice) {
    signal(invoice, InvoiceWorkflow::retryIssue);
  }

  private <T> T update(InvoiceRecord invoice, Function<InvoiceWorkflow, T> call) {
    try {
      return call.apply(stub(invoice));
    } catch (WorkflowUpdateException e) {
      throw refused(e);
    } catch (WorkflowNotFoundException e) {
      throw new RefusedException(
          RefusedException.Kind.CONFLICT,
          "invoice " + invoice.invoiceNumber() + " is " + invoice.status().wireName() + "; its workflow has ended");
    } catch (WorkflowServiceException e) {
      throw new RefusedException(RefusedException.Kind.UNAVAILABLE, "Temporal did not answer: " + e.getMessage());
    }
  }

  private void signal(InvoiceRecord invoice, java.util.function.Consumer<InvoiceWorkflow> call) {
    update(invoice, workflow -> {
      call.accept(workflow);
      return null;
    });
  }

  private static RefusedException refused(WorkflowUpdateException e) {
    // A handler's failure keeps its type; a validator's arrives typeless (temporalio/sdk-java#2875),
    // so validators only check state and anything untyped is answered as a conflict.
    ApplicationFailure innermost = null;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        innermost = failure;
      }
    }
    if (innermost != null) {
      ApplicationFailure failure = innermost;
      RefusedException.Kind kind =
          "InvalidOperatorRequest".equals(failure.getType())
              ? RefusedException.Kind.INVALID
              : RefusedException.Kind.CONFLICT;
      return new RefusedException(kind, failure.getOriginalMessage());
    }
    return new RefusedException(RefusedException.Kind.UNAVAILABLE, e.getMessage());
  }

  private InvoiceWorkflow stub(InvoiceRecord invoice) {
    return client.newWorkflowStub(InvoiceWorkflow.class, invoice.workflowId());
  }
}
