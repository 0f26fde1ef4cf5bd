package com.deltaenergy.invoicing.workflows.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.replay.RecordedHistories;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceImportWorkflowTest {

  private static final String QUEUE = "import-test";

  private TestWorkflowEnvironment env;
  /** Rows 1..validRows are valid; every tenth row fails to be created. */
  private int validRows;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger issuedSoFar = new AtomicInteger();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(InvoiceImportWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new InvoiceImportActivities() {
          @Override
          public ImportPage processPage(long importId, boolean send, int afterRow, int pageSize) {
            calls.incrementAndGet();
            int last = Math.min(afterRow + pageSize, validRows);
            int failed = 0;
            for (int row = afterRow + 1; row <= last; row++) {
              failed += row % 10 == 0 ? 1 : 0;
            }
            int created = last - afterRow - failed;
            issuedSoFar.addAndGet(send ? created : 0);
            return new ImportPage(last, created, 0, issuedSoFar.get(), failed, last == validRows);
          }

          @Override
          public void complete(long importId) {
            completed.incrementAndGet();
          }
        });
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aHundredThousandRowsKeepEveryRunsHistoryUnderTheWarning() {
    validRows = 100_000;
    WorkflowClient client = env.getWorkflowClient();
    InvoiceImportWorkflow workflow = start(client, 1, ImportInput.start(1, true, 100_003, 100_000, 3));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);

    assertThat(calls.get()).isEqualTo(100_000 / ImportInput.DEFAULT_PAGE_SIZE);
    assertThat(completed.get()).isEqualTo(1);
    ImportProgress progress = client.newWorkflowStub(InvoiceImportWorkflow.class, InvoiceImportWorkflow.workflowId(1)).progress();
    assertThat(progress.state()).isEqualTo("completed");
    assertThat(progress.counts()).isEqualTo(new ImportCounts(100_003, 100_000, 3, 90_000, 0, 90_000, 10_000));

    List<WorkflowExecutionInfo> runs =
        client.getWorkflowServiceStubs().blockingStub()
            .listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(client.getOptions().getNamespace()).build())
            .getExecutionsList();
    // 2,000 pages at 500 a run
    assertThat(runs).hasSize(4);
    int largest = 0;
    for (WorkflowExecutionInfo run : runs) {
      var history = client.fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId());
      assertThat(history.getHistory().getEventsCount()).isLessThan(10_240);
      largest = Math.max(largest, history.getHistory().getEventsCount());
    }
    // The figure docs/BENCHMARKS.md reports.
    System.out.printf("IMPORT-HISTORY 100,000 rows: %d runs, the largest run's history %d events%n", runs.size(), largest);
  }

  @Test
  void aDraftImportFinishesWithNothingLeftAndReplaysItsHistory() throws Exception {
    validRows = 120;
    WorkflowClient client = env.getWorkflowClient();
    InvoiceImportWorkflow workflow = start(client, 2, ImportInput.start(2, false, 120, 120, 0));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    ImportProgress done = workflow.progress();
    assertThat(done.counts().done()).isEqualTo(120);
    assertThat(done.counts().issued()).isZero();
    assertThat(done.secondsLeft()).isZero();

    var history = client.fetchHistory(InvoiceImportWorkflow.workflowId(2));
    assertThat(history.getLastEvent().getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    RecordedHistories.assertReplays(history, "invoice-import", InvoiceImportWorkflowImpl.class);
  }

  private static InvoiceImportWorkflow start(WorkflowClient client, long importId, ImportInput input) {
    InvoiceImportWorkflow workflow =
        client.newWorkflowStub(
            InvoiceImportWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(InvoiceImportWorkflow.workflowId(importId)).setTaskQueue(QUEUE).build());
    WorkflowClient.start(workflow::run, input);
    return workflow;
  }
}
