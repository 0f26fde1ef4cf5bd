package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.problem.StatusProblemException;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The API's only way to reach invoice workflows: start, query, update, signal. */
@Component
public class InvoiceWorkflowClient {

  private static final Logger log = LoggerFactory.getLogger(InvoiceWorkflowClient.class);
  /**
   * Temporal's client waits for a worker without bound (an update is only accepted, a query only
   * answered, by a running worker); these calls run here so the API answers in bounded time even
   * while every worker is down.
   */
  private final ExecutorService calls =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "invoice-workflow-call");
            thread.setDaemon(true);
            return thread;
          });

  /** One awaitIssued update per run: a repeat is answered from the completed one. */
  static final String AWAIT_ISSUED_UPDATE_ID = "await-issued";

  private final WorkflowClient client;
  private final String taskQueue;
  private final WorkflowCallLimits limits;

  public InvoiceWorkflowClient(
      WorkflowClient client,
      @Value("${invoicing.temporal.task-queue}") String taskQueue,
      WorkflowCallLimits limits) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.limits = limits;
  }

  /** Why an operator action was refused by the workflow, and how the API answers it. */
  public static class RefusedException extends StatusProblemException {
    private final Kind kind;

    public enum Kind {
      /** The invoice is in a state that does not allow it (409). */
      CONFLICT,
      /** The request itself is wrong (400). */
      INVALID,
      /** No worker answered (503). */
      UNAVAILABLE
    }

    public RefusedException(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    @Override
    public HttpStatus status() {
      return switch (kind) {
        case CONFLICT -> HttpStatus.CONFLICT;
        case INVALID -> HttpStatus.BAD_REQUEST;
        case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      };
    }

    @Override
    public String title() {
      return switch (kind) {
        case CONFLICT -> "Not possible in the invoice's state";
        case INVALID -> "Invalid request";
        case UNAVAILABLE -> "Unavailable";
      };
    }
  }

  /**
   * Starts the invoice's workflow and waits for it to be issued, up to a bound, in one round trip
   * (update-with-start); empty if issuing takes longer or no worker is running.
   *
   * <p>Idempotent: the start options' conflict policy is USE_EXISTING, so a repeated call (a
   * retried create, a draft sent twice, recovery racing the API) attaches its update to the running
   * workflow instead of starting a second one, and the fixed update id lets Temporal answer a
   * repeat from the update already completed instead of adding it to the history again. The start
   * is committed by Temporal before it waits for a worker, so the workflow runs even when this
   * call gives up.
   */
  public Optional<InvoiceStatusView> startAndAwaitIssued(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(
                taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status(),
                invoice.amountUsd(), invoice.network(), invoice.dueDate()));
    WithStartWorkflowOperation<Void> start =
        new WithStartWorkflowOperation<>(
            workflow::run,
            InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    try {
      return Optional.of(
          within(
              limits.issue(),
              () ->
                  WorkflowClient.executeUpdateWithStart(
                      workflow::awaitIssued,
                      UpdateOptions.<InvoiceStatusView>newBuilder()
                          .setUpdateId(AWAIT_ISSUED_UPDATE_ID)
                          .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                          .build(),
                      start)));
    } catch (TimeoutException | WorkflowException e) {
      log.warn("Invoice {} was not issued within {}: {}", invoice.invoiceNumber(), limits.issue().toMillis() + " ms", e.toString());
      return Optional.empty();
    }
  }

  /** The workflow's live view, or empty when it cannot answer (finished long ago, no worker). */
  public Optional<InvoiceStatusView> status(InvoiceRecord invoice) {
    if (invoice.isDraft()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(within(limits.query(), () -> stub(invoice).status()))
          .filter(view -> view.state() != null);
    } catch (TimeoutException | WorkflowException e) {
      log.debug("No live status for {}: {}", invoice.invoiceNumber(), e.toString());
      return Optional.empty();
    }
  }

  public InvoiceStatusView cancel(InvoiceRecord invoice, CancelRequest request) {
    return update(invoice, workflow -> workflow.cancel(request));
  }

  public InvoiceStatusView markPaid(InvoiceRecord invoice, OperatorReason request) {
    return update(invoice, workflow -> workflow.markPaid(request));
  }

  public InvoiceStatusView extendDueDate(InvoiceRecord invoice, ExtendDueDateRequest request) {
    return update(invoice, workflow -> workflow.extendDueDate(request));
  }

  public InvoiceStatusView requote(InvoiceRecord invoice, OperatorReason request) {
    return update(invoice, workflow -> workflow.requote(request));
  }

  public VerifyPaymentResult verifyPayment(InvoiceRecord invoice, VerifyPaymentRequest request) {
    return update(invoice, workflow -> workflow.verifyPayment(request));
  }

  public VerifyPaymentResult assignDeposit(InvoiceRecord invoice, AssignDepositRequest request) {
    return update(invoice, workflow -> workflow.assignDeposit(request));
  }

  public void pauseDunning(InvoiceRecord invoice, OperatorReason request) {
    signal(invoice, workflow -> workflow.pauseDunning(request));
  }

  public void resumeDunning(InvoiceRecord invoice, OperatorReason request) {
    signal(invoice, workflow -> workflow.resumeDunning(request));
  }

  public void retryCfoSync(InvoiceRecord invoice, OperatorReason request) {
    signal(invoice, workflow -> workflow.retryCfoSync(request));
  }

  public void retryIssue(InvoiceRecord invoice) {
    signal(invoice, InvoiceWorkflow::retryIssue);
  }

  private <T> T update(InvoiceRecord invoice, Function<InvoiceWorkflow, T> call) {
    if (invoice.isDraft()) {
      throw new RefusedException(
          RefusedException.Kind.CONFLICT, "invoice " + invoice.id() + " is a draft; send it first (POST /api/invoice/"
              + invoice.id() + "/send)");
    }
    try {
      return within(limits.update(), () -> call.apply(stub(invoice)));
    } catch (TimeoutException e) {
      throw new RefusedException(
          RefusedException.Kind.UNAVAILABLE,
          "no worker answered within " + limits.update().toSeconds() + " s; the request may still be applied"
              + " once a worker runs: read the invoice before repeating it");
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

  /** Runs a Temporal call for at most {@code limit}; the call is cancelled when the time is up. */
  private <T> T within(Duration limit, Callable<T> call) throws TimeoutException {
    Future<T> future = calls.submit(call);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    }
  }

  @PreDestroy
  void stop() {
    calls.shutdownNow();
  }

  private InvoiceWorkflow stub(InvoiceRecord invoice) {
    return client.newWorkflowStub(InvoiceWorkflow.class, invoice.workflowId());
  }
}
