package com.deltaenergy.invoicing.workflows.imports;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Works through a validated CSV import page by page: each page's invoices are created (and, in
 * send mode, issued) by one activity, so the history grows by a few events per page; the
 * workflow continues as new every {@link ImportInput#PAGES_PER_RUN} pages and so stays bounded
 * however long the file.
 */
@WorkflowInterface
public interface InvoiceImportWorkflow {

  @WorkflowMethod
  void run(ImportInput input);

  /** Where the import stands now, with an estimate of the time left. */
  @QueryMethod
  ImportProgress progress();

  static String workflowId(long importId) {
    return "invoice-import-" + importId;
  }
}
