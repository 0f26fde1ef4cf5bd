package com.deltaenergy.invoicing.workflows.document;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A draft's preview PDF, for the API, which may not render it itself (the renderer lives with the
 * worker's activities): a short workflow on the worker's task queue whose only step is a local
 * activity that renders the PDF and returns its bytes, which become the workflow's result. The
 * bytes pass through the history twice (the local activity's marker and the result), each well
 * under Temporal's 2 MB payload limit: a preview is tens of kilobytes, a logo at most 512 KB.
 */
@WorkflowInterface
public interface DraftPreviewWorkflow {

  @WorkflowMethod
  byte[] render(long tenantId, long invoiceId);

  /** Every request is its own run: a preview shows the draft as it is now. */
  static String workflowId(long invoiceId, String requestId) {
    return "draft-preview-" + invoiceId + "-" + requestId;
  }
}
