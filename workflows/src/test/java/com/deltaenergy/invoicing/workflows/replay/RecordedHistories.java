package com.deltaenergy.invoicing.workflows.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Histories recorded from released workflow code, under {@code src/test/resources/histories}.
 *
 * <p>A workflow change must replay both a fresh history and the recorded ones; a change that is
 * not gated with {@code Workflow.getVersion} fails the second replay. After a deliberate, gated
 * change, record new histories next to the old ones with {@code -Dhistories.record=true}.
 */
public final class RecordedHistories {

  private static final Path RECORDED = Path.of("src/test/resources/histories");

  /**
   * The first replay in a JVM loads the workflow's classes; on a loaded machine that alone can hold
   * the workflow thread past the SDK's 1 s deadlock detector. A real deadlock still trips this.
   */
  public static final WorkerOptions TOLERANT_OF_CLASS_LOADING =
      WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(10_000).build();

  private RecordedHistories() {}

  /** Replays the fresh history, records it when asked to, then replays the recorded one. */
  public static void assertReplays(WorkflowExecutionHistory fresh, String name, Class<?> workflowImplementation)
      throws Exception {
    replay(fresh, workflowImplementation);

    Path file = RECORDED.resolve(name + ".json");
    if (Boolean.getBoolean("histories.record")) {
      write(file, fresh.toJson(true));
    }
    assertThat(file)
        .as("no recorded history %s; record it with -Dhistories.record=true", file)
        .exists();
    String recorded = Files.readString(file, StandardCharsets.UTF_8);
    replay(WorkflowExecutionHistory.fromJson(recorded), workflowImplementation);
  }

  /** Replays a history recorded from an earlier release, kept after the scenario was re-recorded. */
  public static void assertRecordedReplays(String name, Class<?> workflowImplementation) throws Exception {
    Path file = RECORDED.resolve(name + ".json");
    assertThat(file).as("no recorded history %s", file).exists();
    String recorded = Files.readString(file, StandardCharsets.UTF_8);
    replay(WorkflowExecutionHistory.fromJson(recorded), workflowImplementation);
  }

  private static void replay(WorkflowExecutionHistory history, Class<?> workflowImplementation) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("replay", TOLERANT_OF_CLASS_LOADING);
      worker.registerWorkflowImplementationTypes(workflowImplementation);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }

  private static void write(Path file, String json) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }
}
