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
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
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
 * by the rerun (or by the recovery sweep). In send mode the import keeps a sliding window: a row
 * is created and started only while fewer than {@code invoicing.imports.in-flight} (default 8) of
 * the import's invoices are still being issued, each waiting (up to a bound) for a slot. So at
 * most that many are in flight, imports keep a bounded share of the workers and interactive
 * creates stay responsive, and the window stays full: the next rows are created while the earlier
 * ones issue, with no drain at the end of each page. The last page waits for all of them.
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
  private final int inFlight;

  public InvoiceImportActivitiesImpl(
      InvoiceImportRepository imports,
      ImportedInvoiceCreation creation,
      InvoiceRepository invoices,
      WorkflowClient client,
      @Value("${invoicing.temporal.task-queue:" + InvoiceWorkflowOptions.DEFAULT_TASK_QUEUE + "}") String taskQueue,
      @Value("${invoicing.imports.issue-wait:120s}") Duration issueWait,
      @Value("${invoicing.imports.in-flight:8}") int inFlight) {
    this.inFlight = inFlight;
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
    if (send) {
      // Rows an earlier attempt of this page created: their workflows may never have started
      // (the attempt died first); start them before waiting for the import's invoices to issue.
      page.stream()
          .filter(row -> row.status().equals("created"))
          .forEach(row -> invoices.findById(row.invoiceId()).filter(i -> !i.isDraft()).ifPresent(this::start));
    }
    // Counted, not asked for every row: the database is asked again only when the window looks full.
    int outstanding = send ? imports.outstanding(importId) : 0;
    int created = 0;
    int existing = 0;
    int failed = 0;
    for (PendingRow row : page) {
      Activity.getExecutionContext().heartbeat(row.rowNumber());
      switch (row.status()) {
        case "pending" -> {
          if (send && outstanding >= inFlight) {
            outstanding = awaitOutstandingBelow(importId, inFlight);
          }
          try {
            Optional<InvoiceRecord> invoice = creation.create(importId, !send, row);
            if (invoice.isEmpty()) {
              existing++;
            } else {
              created++;
              if (send) {
                start(invoice.get());
                outstanding++;
              }
            }
          } catch (RuntimeException e) {
            log.warn("Import {} row {} failed: {}", importId, row.rowNumber(), e.toString());
            imports.rowDone(importId, row.rowNumber(), "failed", null, "could not be created: " + e.getMessage());
            failed++;
          }
        }
        // Done by an earlier attempt of this page (started above): counted again, as the
        // workflow counts only pages that completed.
        case "created" -> created++;
        case "existing" -> existing++;
        case "failed" -> failed++;
        default -> throw new IllegalStateException("row " + row.rowNumber() + " is " + row.status());
      }
    }
    if (send && last) {
      awaitOutstandingBelow(importId, 1);
    }
    int issued = send ? imports.tally(importId).issued() : 0;
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
            InvoiceWorkflowOptions.startOptions(taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    try {
      WorkflowClient.start(
          workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Started by an earlier attempt (or it ran and closed already): nothing to do.
    }
  }

  /**
   * Waits until fewer than {@code limit} of the import's invoices are still being issued, or the
   * bound is up; returns how many are.
   */
  private int awaitOutstandingBelow(long importId, int limit) {
    long deadline = System.nanoTime() + issueWait.toNanos();
    int outstanding = imports.outstanding(importId);
    while (outstanding >= limit && System.nanoTime() < deadline) {
      Activity.getExecutionContext().heartbeat(outstanding);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outstanding;
      }
      outstanding = imports.outstanding(importId);
    }
    return outstanding;
  }
}
