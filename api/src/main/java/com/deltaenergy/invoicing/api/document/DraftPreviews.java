package com.deltaenergy.invoicing.api.document;

import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient.RefusedException;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.document.DraftPreviewActivities;
import com.deltaenergy.invoicing.workflows.document.DraftPreviewWorkflow;
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
import org.springframework.stereotype.Component;

/**
 * A draft's preview PDF, rendered by a worker (the API has no renderer; see
 * {@link DraftPreviewWorkflow}). A sent invoice has its issued PDF instead: asking for its preview
 * is a 409, as the draft it was is gone; another tenant's invoice is a 404.
 */
@Component
public class DraftPreviews {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

  private final InvoiceService invoices;
  private final WorkflowClient client;
  private final String taskQueue;

  public DraftPreviews(
      InvoiceService invoices, WorkflowClient client, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.invoices = invoices;
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** The draft, checked to be the tenant's and still a draft, for naming the file. */
  public InvoiceRecord draft(long tenantId, long invoiceId) {
    InvoiceRecord invoice = invoices.get(tenantId, invoiceId);
    if (!invoice.isDraft()) {
      throw notADraft(invoice);
    }
    return invoice;
  }

  public byte[] render(long tenantId, long invoiceId) {
    InvoiceRecord invoice = draft(tenantId, invoiceId);
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            "DraftPreviewWorkflow",
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(DraftPreviewWorkflow.workflowId(invoiceId, UUID.randomUUID().toString()))
                .setWorkflowExecutionTimeout(ANSWER_WITHIN.plusSeconds(10))
                .build());
    stub.start(tenantId, invoiceId);
    try {
      return stub.getResult(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS, byte[].class);
    } catch (TimeoutException e) {
      throw new RefusedException(
          RefusedException.Kind.UNAVAILABLE,
          "no worker rendered the preview within " + ANSWER_WITHIN.toSeconds() + " s; is a worker running?");
    } catch (WorkflowFailedException e) {
      ApplicationFailure failure = applicationFailure(e);
      String type = failure == null ? "" : failure.getType();
      if (type.equals(DraftPreviewActivities.NOT_FOUND)) {
        throw new NotFoundException("invoice", invoiceId);
      }
      if (type.equals(DraftPreviewActivities.NOT_A_DRAFT)) {
        // Sent between the check above and the render.
        throw notADraft(invoices.get(tenantId, invoiceId));
      }
      throw new RefusedException(
          RefusedException.Kind.UNAVAILABLE,
          "the preview of draft " + invoice.id() + " could not be rendered: "
              + (failure == null ? e.getMessage() : failure.getOriginalMessage()));
    }
  }

  private static ConflictException notADraft(InvoiceRecord invoice) {
    return new ConflictException(
        "invoice " + invoice.id() + " is no draft: it was sent as " + invoice.invoiceNumber()
            + "; its PDF is at /api/invoice/" + invoice.id() + "/pdf");
  }

  private static ApplicationFailure applicationFailure(Throwable e) {
    ApplicationFailure innermost = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        innermost = failure;
      }
    }
    return innermost;
  }
}
