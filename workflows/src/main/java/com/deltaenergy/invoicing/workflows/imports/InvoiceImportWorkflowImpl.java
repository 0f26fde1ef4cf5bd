package com.deltaenergy.invoicing.workflows.imports;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class InvoiceImportWorkflowImpl implements InvoiceImportWorkflow {

  // A page waits for up to 50 invoices to be issued; a worker that dies mid-page is noticed by
  // the missing heartbeat and the page is run again, skipping the rows it did.
  private final InvoiceImportActivities activities =
      Workflow.newActivityStub(
          InvoiceImportActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private ImportCounts counts;
  private String state = "importing";
  private long startedAtMillis;

  @Override
  public void run(ImportInput input) {
    counts = input.counts();
    startedAtMillis = input.startedAtMillis() > 0 ? input.startedAtMillis() : Workflow.currentTimeMillis();
    int afterRow = input.afterRow();
    for (int pages = 0; ; pages++) {
      if (pages == ImportInput.PAGES_PER_RUN) {
        Workflow.continueAsNew(
            new ImportInput(input.importId(), input.send(), input.pageSize(), counts, afterRow, startedAtMillis));
        return;
      }
      ImportPage page = activities.processPage(input.importId(), input.send(), afterRow, input.pageSize());
      counts = counts.plus(page);
      afterRow = page.lastRow();
      if (page.last()) {
        break;
      }
    }
    activities.complete(input.importId());
    state = "completed";
  }

  @Override
  public ImportProgress progress() {
    if (counts == null) {
      return new ImportProgress(state, null, null);
    }
    Long secondsLeft = null;
    long elapsed = Workflow.currentTimeMillis() - startedAtMillis;
    if (state.equals("completed")) {
      secondsLeft = 0L;
    } else if (counts.done() > 0 && elapsed > 0) {
      secondsLeft = (long) Math.ceil((counts.valid() - counts.done()) * (elapsed / 1000.0) / counts.done());
    }
    return new ImportProgress(state, counts, secondsLeft);
  }
}
