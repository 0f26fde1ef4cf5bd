package com.deltaenergy.invoicing.workflows.scanner;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepositScannerWorkflowTest {

  private TestWorkflowEnvironment env;
  private final List<Long> ticks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker("scanner-test");
    worker.registerWorkflowImplementationTypes(DepositScannerWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        (DepositScanActivities)
            tick -> {
              ticks.add(tick);
              return new DepositScanActivities.ScanResult(Duration.ofSeconds(30), 1, 1, 10, 0, 0);
            });
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** The scanner under its fixed id, started with a 30-second polling interval. */
  private static DepositScannerWorkflow startScanner(WorkflowClient client) {
    DepositScannerWorkflow scanner =
        client.newWorkflowStub(
            DepositScannerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DepositScannerWorkflow.WORKFLOW_ID)
                .setTaskQueue("scanner-test")
                .build());
    WorkflowClient.start(scanner::run, Duration.ofSeconds(30));
    return scanner;
  }

  @Test
  void scansOnceEveryThirtySecondsOnTheGridAndKeepsEachRunsHistoryBounded() {
    WorkflowClient client = env.getWorkflowClient();
    DepositScannerWorkflow scanner = startScanner(client);

    env.sleep(Duration.ofHours(6));

    // 6 hours of 30-second cycles
    assertThat(ticks.size()).isBetween(719, 721);
    assertThat(ticks).allMatch(tick -> tick % 30_000 == 0);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i) - ticks.get(i - 1)).isEqualTo(30_000);
    }

    List<WorkflowExecutionInfo> runs =
        client.getWorkflowServiceStubs().blockingStub()
            .listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .build())
            .getExecutionsList();
    assertThat(runs).hasSizeGreaterThanOrEqualTo(7);
    for (WorkflowExecutionInfo run : runs) {
      var history = client.fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId());
      assertThat(history.getHistory().getEventsCount()).isLessThanOrEqualTo(2_000);
      assertThat(history.getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }
    WorkflowStub.fromTyped(scanner).terminate("test over");
  }

  @Test
  void theScannerReplaysItsOwnAndItsRecordedHistory() throws Exception {
    WorkflowClient client = env.getWorkflowClient();
    DepositScannerWorkflow scanner = startScanner(client);
    // Long enough for the first run to continue as new: its history is complete.
    env.sleep(Duration.ofHours(2));
    var firstRun = WorkflowStub.fromTyped(scanner).getExecution();
    var history = client.fetchHistory(firstRun.getWorkflowId(), firstRun.getRunId());
    WorkflowStub.fromTyped(scanner).terminate("test over");

    assertThat(history.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    RecordedHistories.assertReplays(
        history,
        "deposit-scanner",
        DepositScannerWorkflowImpl.class);
  }
}
