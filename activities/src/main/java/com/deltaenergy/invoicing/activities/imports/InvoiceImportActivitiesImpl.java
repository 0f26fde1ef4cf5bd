package com.deltaenergy.invoicing.activities.imports;

import com.deltaenergy.invoicing.persistence.imports.ImportedInvoiceCreation;
import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository;
import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository.PendingRow;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.imports.ImportPage;
import com.deltaenergy.invoicing.workflows.imports.InvoiceImportActivities;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflows;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates an import's invoices a page at a time. Each row's invoice and the row's record of it
 * commit together, so a page run again after a crash skips what was done; starting a workflow
 * is idempotent (its id is the invoice number), so a row created but not yet started is started
 * by the rerun (or by the recovery sweep). In send mode the page waits, up to a bound, for its
 * invoices to be issued before the next page starts: at most one page of imported invoices is
 * being issued at a time, which leaves the workers free for interactive creates.
 */
@Component
@ActivityImpl(workers = "invoice-worker")
public class InvoiceImportActivitiesImpl implements InvoiceImportActivities {

  private static final Logger log = LoggerFactory.getLogger(InvoiceImportActivitiesImpl.class);

  private final InvoiceImportRepository imports;
  private final ImportedInvoiceCreation creation;
  private final InvoiceRepository invoices;
  private final WorkflowClient client;
  private final String taskQueue;
  private final Duration issueWait;

  public InvoiceImportActivitiesImpl(
      InvoiceImportRepository imports,
      ImportedInvoiceCreation creation,
      InvoiceRepository invoices,
      WorkflowClient client,
      @Value("${invoicing.temporal.task-queue}") String taskQueue,
      @Value("${invoicing.imports.issue-wait:120s}") Duration issueWait) {
    this.imports = imports;
    this.creation = creation;
    this.invoices = invoices;
    this.client = client;
    this.taskQueue = taskQueue;
    this.issueWait = issueWait;
  }

  @Override
  public ImportPage processPage(long importId, boolean send, int afterRow, int pageSize) {
    List<PendingRow> rows = imports.pending(importId, afterRow, pageSize + 1);
    boolean last = rows.size() <= pageSize;
    List<PendingRow> page = last ? rows : rows.subList(0, pageSize);
    int created = 0;
    int existing = 0;
    int failed = 0;
    List<Long> started = new ArrayList<>();
    for (PendingRow row : page) {
      Activity.getExecutionContext().heartbeat(row.rowNumber());
      switch (row.status()) {
        case "pending" -> {
          try {
            Optional<InvoiceRecord> invoice = creation.create(importId, !send, row);
            if (invoice.isEmpty()) {
              existing++;
            } else {
              created++;
              if (send) {
                start(invoice.get());
                started.add(invoice.get().id());
              }
            }
          } catch (RuntimeException e) {
            log.warn("Import {} row {} failed: {}", importId, row.rowNumber(), e.toString());
            imports.rowDone(importId, row.rowNumber(), "failed", null, "could not be created: " + e.getMessage());
            failed++;
          }
        }
        // Done by an earlier attempt of this page: counted again (the workflow counts only pages
        // that completed), and started again in case the attempt died before starting it.
        case "created" -> {
          created++;
          if (send) {
            invoices.findById(row.invoiceId()).filter(i -> !i.isDraft()).ifPresent(i -> {
              start(i);
              started.add(i.id());
            });
          }
        }
        case "existing" -> existing++;
        case "failed" -> failed++;
        default -> throw new IllegalStateException("row " + row.rowNumber() + " is " + row.status());
      }
    }
    int issued = send ? awaitIssued(started) : 0;
    int lastRow = page.isEmpty() ? afterRow : page.get(page.size() - 1).rowNumber();
    return new ImportPage(lastRow, created, existing, issued, failed, last);
  }

  @Override
  public void complete(long importId) {
    imports.completed(importId);
  }

  private void start(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflows.startOptions(taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    try {
      WorkflowClient.start(
          workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Started by an earlier attempt (or it ran and closed already): nothing to do.
    }
  }

  /** Waits until the page's invoices are issued or the bound is up; returns how many are. */
  private int awaitIssued(List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    long deadline = System.nanoTime() + issueWait.toNanos();
    int issued = imports.issuedAmong(ids);
    while (issued < ids.size() && System.nanoTime() < deadline) {
      Activity.getExecutionContext().heartbeat(issued);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      issued = imports.issuedAmong(ids);
    }
    return issued;
  }
}
