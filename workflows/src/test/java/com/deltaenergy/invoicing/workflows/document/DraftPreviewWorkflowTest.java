package com.deltaenergy.invoicing.workflows.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.replay.RecordedHistories;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview workflow: the local activity's bytes are its result; a refusal is not retried. */
class DraftPreviewWorkflowTest {

  private static final String QUEUE = "previews";

  private TestWorkflowEnvironment env;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger blips = new AtomicInteger();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE, RecordedHistories.TOLERANT_OF_CLASS_LOADING);
    worker.registerWorkflowImplementationTypes(DraftPreviewWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        (DraftPreviewActivities) (tenantId, invoiceId) -> {
          calls.incrementAndGet();
          if (invoiceId == 2) {
            throw ApplicationFailure.newNonRetryableFailure("invoice 2 was sent", DraftPreviewActivities.NOT_A_DRAFT);
          }
          if (invoiceId == 3 && blips.getAndIncrement() == 0) {
            throw new IllegalStateException("database blip");
          }
          return ("%PDF-preview of " + tenantId + "/" + invoiceId).getBytes(StandardCharsets.UTF_8);
        });
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void returnsTheRenderedBytesAndReplaysItsHistory() throws Exception {
    byte[] pdf = stub("draft-preview-1-a").render(7, 1);

    assertThat(new String(pdf, StandardCharsets.UTF_8)).isEqualTo("%PDF-preview of 7/1");
    assertThat(calls.get()).isEqualTo(1);
    RecordedHistories.assertReplays(
        env.getWorkflowClient().fetchHistory("draft-preview-1-a"), "draft-preview", DraftPreviewWorkflowImpl.class);
  }

  @Test
  void aSentInvoiceFailsAtOnceAndABlipIsRetried() {
    assertThatThrownBy(() -> stub("draft-preview-2-a").render(7, 2))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .isInstanceOf(ApplicationFailure.class)
        .extracting(e -> ((ApplicationFailure) e).getType())
        .isEqualTo(DraftPreviewActivities.NOT_A_DRAFT);
    assertThat(calls.get()).isEqualTo(1);

    assertThat(stub("draft-preview-3-a").render(7, 3)).isNotEmpty();
    assertThat(calls.get()).isEqualTo(3);
  }

  private DraftPreviewWorkflow stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(DraftPreviewWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
  }
}
