package com.deltaenergy.invoicing.api.exchange;

import com.deltaenergy.invoicing.api.problem.StatusProblemException;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow.ExchangeDiagnostics;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow.ExchangeDiagnosticsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks the exchange something through a short workflow run: the worker, which holds the exchange
 * credentials, answers; the API does no exchange I/O of its own.
 */
@Component
public class ExchangeInquiries {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

  private final WorkflowClient client;
  private final String taskQueue;

  public ExchangeInquiries(
      WorkflowClient client, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Thrown when no worker answered in time or the exchange call failed. */
  public static class InquiryFailedException extends StatusProblemException {
    private final boolean timedOut;

    InquiryFailedException(String message, boolean timedOut) {
      super(message);
      this.timedOut = timedOut;
    }

    public boolean timedOut() {
      return timedOut;
    }

    @Override
    public HttpStatus status() {
      return timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
    }

    @Override
    public String title() {
      return timedOut ? "No worker answered" : "Exchange call failed";
    }
  }

  public ExchangeDiagnostics ask(ExchangeDiagnosticsRequest request) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            "ExchangeDiagnosticsWorkflow",
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId("exchange-" + request.kind().name().toLowerCase() + "-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(ANSWER_WITHIN.plusSeconds(10))
                .build());
    stub.start(request);
    try {
      return stub.getResult(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS, ExchangeDiagnostics.class);
    } catch (TimeoutException e) {
      throw new InquiryFailedException(
          "no worker answered within " + ANSWER_WITHIN.toSeconds() + " s; is a worker running?", true);
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof ApplicationFailure)) {
        cause = cause.getCause();
      }
      String reason = cause instanceof ApplicationFailure failure ? failure.getOriginalMessage() : e.getMessage();
      throw new InquiryFailedException("the exchange call failed: " + reason, false);
    }
  }
}
