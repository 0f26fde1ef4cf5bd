package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.imports.ImportRecord;
import com.deltaenergy.invoicing.persistence.imports.ImportResultRow;
import com.deltaenergy.invoicing.persistence.imports.ImportRow;
import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.imports.ImportInput;
import com.deltaenergy.invoicing.workflows.imports.ImportProgress;
import com.deltaenergy.invoicing.workflows.imports.InvoiceImportWorkflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports: the file is read and every row validated as it streams in (stored in batches, the
 * file never held whole); then, unless it is only validated, the import's workflow creates the
 * valid rows' invoices page by page.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  private static final int BATCH = 500;

  private final InvoiceImportRepository imports;
  private final TenantRepository tenants;
  private final ClientRepository clients;
  private final InvoiceService invoices;
  private final Validator validator;
  private final ObjectMapper json;
  private final WorkflowClient client;
  private final String taskQueue;
  private final TransactionTemplate transactions;

  public ImportService(
      InvoiceImportRepository imports,
      TenantRepository tenants,
      ClientRepository clients,
      InvoiceService invoices,
      Validator validator,
      ObjectMapper json,
      WorkflowClient client,
      @Value("${invoicing.temporal.task-queue}") String taskQueue,
      TransactionTemplate transactions) {
    this.imports = imports;
    this.tenants = tenants;
    this.clients = clients;
    this.invoices = invoices;
    this.validator = validator;
    this.json = json;
    this.client = client;
    this.taskQueue = taskQueue;
    this.transactions = transactions;
  }

  /** The import as answered to its upload and to {@code GET}: stored counts, live progress. */
  public record ImportView(ImportRecord record, Optional<ImportProgress> progress) {}

  public ImportView upload(long tenantId, InputStream csv, String mode, boolean validateOnly) throws IOException {
    boolean draft = switch (mode == null ? "send" : mode) {
      case "send" -> false;
      case "draft" -> true;
      default -> throw new InvalidRequestException("mode", "must be 'draft' or 'send'");
    };
    Tenant tenant = tenants.findById(tenantId).orElseThrow();
    ImportRowValidator rows = new ImportRowValidator(tenant, clients.findAll(tenantId), invoices, validator, json);
    // The import and its rows commit together: a refused file (400, 413) leaves nothing behind.
    Long id;
    try {
      id = insertValidated(tenantId, csv, draft, validateOnly, rows);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    ImportRecord record = imports.find(tenantId, id).orElseThrow();
    if (record.workflowId() != null) {
      start(record);
    }
    return new ImportView(imports.find(tenantId, id).orElseThrow(), Optional.empty());
  }

  private Long insertValidated(long tenantId, InputStream csv, boolean draft, boolean validateOnly, ImportRowValidator rows) {
    return transactions.execute(status -> {
      long importId = imports.create(tenantId, draft ? "draft" : "send", validateOnly);
      List<ImportRow> batch = new ArrayList<>(BATCH);
      int[] counts = new int[2];
      Consumer<CsvImportReader.CsvRow> each = row -> {
        ImportRow validated = rows.validate(row, draft);
        counts[validated.valid() ? 0 : 1]++;
        batch.add(validated);
        if (batch.size() == BATCH) {
          imports.addRows(importId, batch);
          batch.clear();
        }
      };
      try {
        CsvImportReader.read(csv, each);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!batch.isEmpty()) {
        imports.addRows(importId, batch);
      }
      int valid = counts[0];
      int invalid = counts[1];
      boolean work = !validateOnly && valid > 0;
      imports.validated(importId, valid + invalid, valid, invalid, work ? InvoiceImportWorkflow.workflowId(importId) : null);
      return importId;
    });
  }

  private void start(ImportRecord record) {
    InvoiceImportWorkflow workflow =
        client.newWorkflowStub(
            InvoiceImportWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(record.workflowId()).setTaskQueue(taskQueue).build());
    WorkflowClient.start(
        workflow::run,
        ImportInput.start(record.id(), record.mode().equals("send"), record.totalRows(), record.validRows(), record.invalidRows()));
  }

  public ImportView view(long tenantId, long id) {
    ImportRecord record = find(tenantId, id);
    return new ImportView(record, record.workflowId() == null ? Optional.empty() : progress(record.workflowId()));
  }

  /** The tenant's latest imports, newest first. */
  public List<ImportRecord> recent(long tenantId, int limit) {
    return imports.recent(tenantId, limit);
  }

  public ImportRecord find(long tenantId, long id) {
    return imports.find(tenantId, id).orElseThrow(() -> new NotFoundException("import", id));
  }

  public com.deltaenergy.invoicing.persistence.imports.ImportTally tally(long importId) {
    return imports.tally(importId);
  }

  /** Streams the results of the tenant's import in row order. */
  public void results(long tenantId, long id, Consumer<ImportResultRow> sink) {
    find(tenantId, id);
    transactions.executeWithoutResult(status -> imports.results(id, sink));
  }

  /** The workflow's progress query, answered within a second or not at all (no worker running). */
  private Optional<ImportProgress> progress(String workflowId) {
    try {
      return Optional.of(
          CompletableFuture.supplyAsync(
                  () -> client.newWorkflowStub(InvoiceImportWorkflow.class, workflowId).progress())
              .get(1, TimeUnit.SECONDS));
    } catch (Exception e) {
      log.debug("No progress from {}: {}", workflowId, e.toString());
      return Optional.empty();
    }
  }
}
