package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.imports.ImportRow;
import com.deltaenergy.invoicing.persistence.imports.ImportedInvoiceCreation;
import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.imports.ImportCounts;
import com.deltaenergy.invoicing.workflows.imports.ImportInput;
import com.deltaenergy.invoicing.workflows.imports.ImportProgress;
import com.deltaenergy.invoicing.workflows.imports.InvoiceImportWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import workflow with the real activities: rows validated and stored as the API stores them,
 * then created page by page, issued through the invoice workflow, and never created twice.
 */
class InvoiceImportTest extends WorkerIntegrationTest {

  @Autowired InvoiceImportRepository imports;
  @Autowired ImportedInvoiceCreation creation;

  @Test
  void createsAndIssuesEveryValidRowPageByPage() {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    long importId = storeImport(batch, 7, true);

    ImportProgress progress = run(importId, true, 3);

    assertThat(progress.state()).isEqualTo("completed");
    assertThat(progress.secondsLeft()).isZero();
    assertThat(progress.counts()).isEqualTo(new ImportCounts(8, 7, 1, 7, 0, 7, 0));
    assertThat(numbersOf(batch)).hasSize(7).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(issuedOf(batch)).isEqualTo(7);
    assertThat(imports.tally(importId).created()).isEqualTo(7);
    assertThat(imports.find(importId).orElseThrow().status()).isEqualTo("completed");

    // The same file again: every row finds its invoice, nothing is created twice.
    long again = storeImport(batch, 7, true);
    ImportProgress repeated = run(again, true, 3);
    assertThat(repeated.counts()).isEqualTo(new ImportCounts(8, 7, 1, 0, 7, 0, 0));
    assertThat(numbersOf(batch)).hasSize(7);
  }

  @Test
  void aPageLargerThanTheWindowKeepsAtMostTheWindowIssuingAtOnce() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    long importId = storeImport(batch, 45, false);
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        most.accumulateAndGet(imports.outstanding(importId), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();

    // One page of 45 rows, the window (invoicing.imports.in-flight) 8.
    ImportProgress progress = run(importId, true, 50);
    sampler.interrupt();
    sampler.join();

    assertThat(progress.counts()).isEqualTo(new ImportCounts(45, 45, 0, 45, 0, 45, 0));
    assertThat(issuedOf(batch)).isEqualTo(45);
    assertThat(most.get()).as("invoices of the import being issued at once").isBetween(2, 8);
  }

  @Test
  void aPageRunAgainAfterAWorkerDiedCreatesNothingTwice() {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    long importId = storeImport(batch, 5, false);
    // A worker created the first two rows' invoices, then died before starting their workflows
    // or finishing the page: exactly what survives in the database.
    for (var row : imports.pending(importId, 0, 2)) {
      assertThat(creation.create(importId, false, row)).isPresent();
    }
    assertThat(issuedOf(batch)).isZero();

    long started = System.nanoTime();
    ImportProgress progress = run(importId, true, 50);

    // Not by waiting out the bound (120 s) on invoices nobody had started.
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(60));
    assertThat(progress.counts()).isEqualTo(new ImportCounts(5, 5, 0, 5, 0, 5, 0));
    assertThat(numbersOf(batch)).hasSize(5).doesNotHaveDuplicates();
    // The rerun started the workflows the dead worker never started.
    assertThat(issuedOf(batch)).isEqualTo(5);
  }

  @Test
  void aDraftImportStoresDraftsAndStartsNoWorkflow() {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    long importId = storeImport(batch, 3, false);

    ImportProgress progress = run(importId, false, 2);

    assertThat(progress.counts()).isEqualTo(new ImportCounts(3, 3, 0, 3, 0, 0, 0));
    assertThat(numbersOf(batch)).hasSize(3).containsOnlyNulls();
    assertThat(jdbc.sql("SELECT count(*) FROM invoices WHERE external_reference LIKE ? AND draft_request IS NOT NULL")
            .param(batch + "-%").query(Long.class).single())
        .isEqualTo(3);
  }

  private ImportProgress run(long importId, boolean send, int pageSize) {
    var record = imports.find(importId).orElseThrow();
    InvoiceImportWorkflow workflow =
        client.newWorkflowStub(
            InvoiceImportWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(record.workflowId()).setTaskQueue(taskQueue).build());
    WorkflowClient.start(
        workflow::run,
        new ImportInput(importId, send, pageSize,
            ImportCounts.validated(record.totalRows(), record.validRows(), record.invalidRows()), 0, 0));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    return client.newWorkflowStub(InvoiceImportWorkflow.class, record.workflowId()).progress();
  }

  /** An import of {@code valid} rows (and one invalid row if asked), stored as the API stores it. */
  private long storeImport(String batch, int valid, boolean withInvalid) {
    long importId = imports.create(1, "send", false);
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 1; i <= valid; i++) {
      BigDecimal amount = new BigDecimal(100 + i + ".00");
      NewInvoice invoice =
          new NewInvoice(1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
              PaymentNetwork.TRC20, "November 2025", "Hosting " + i, null, today(), today().plusDays(20),
              List.of(new LineItem("Hosting " + i, BigDecimal.ONE, amount, amount)));
      rows.add(new ImportRow(i + 1, batch + "-" + i, invoice,
          "{\"client_id\": 1, \"amount_usd\": " + amount + ", \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\","
              + " \"billing_period\": \"November 2025\", \"due_date\": \"" + today().plusDays(20) + "\", \"description\": \"Hosting\"}",
          List.of()));
    }
    if (withInvalid) {
      rows.add(new ImportRow(valid + 2, batch + "-bad", null, null, List.of(new ImportRow.RowError("client", "unknown"))));
    }
    imports.addRows(importId, rows);
    imports.validated(importId, rows.size(), valid, rows.size() - valid, InvoiceImportWorkflow.workflowId(importId));
    return importId;
  }

  private List<String> numbersOf(String batch) {
    return jdbc.sql("SELECT invoice_number FROM invoices WHERE external_reference LIKE ? ORDER BY id")
        .param(batch + "-%").query(String.class).list();
  }

  private long issuedOf(String batch) {
    return jdbc.sql("SELECT count(*) FROM invoices WHERE external_reference LIKE ? AND issued_at IS NOT NULL")
        .param(batch + "-%").query(Long.class).single();
  }
}
