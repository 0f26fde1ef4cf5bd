package com.deltaenergy.invoicing.workflows.document;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class DraftPreviewWorkflowImpl implements DraftPreviewWorkflow {

  // Local: a preview is one render on the worker that picked up the workflow task, with no
  // activity task round trip; someone is waiting for it, so a few quick attempts and no more.
  private final DraftPreviewActivities activities =
      Workflow.newLocalActivityStub(
          DraftPreviewActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(15))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setMaximumAttempts(3)
                      .setDoNotRetry(DraftPreviewActivities.NOT_FOUND, DraftPreviewActivities.NOT_A_DRAFT)
                      .build())
              .build());

  @Override
  public byte[] render(long tenantId, long invoiceId) {
    return activities.render(tenantId, invoiceId);
  }
}
