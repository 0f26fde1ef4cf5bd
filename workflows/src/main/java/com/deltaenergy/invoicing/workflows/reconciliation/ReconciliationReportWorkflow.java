package com.deltaenergy.invoicing.workflows.reconciliation;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The daily three-way reconciliation: deposits on the exchanges, payments recorded on invoices
 * and rows in the CFO ledger for one day. Started by a Temporal Schedule once a day (for the day
 * before), whatever the number of workers; an operator may run it for any day.
 */
@WorkflowInterface
public interface ReconciliationReportWorkflow {

  /** The Schedule's id, and the prefix of the workflows it starts. */
  String SCHEDULE_ID = "reconciliation-report-daily";

  /**
   * @param date the day (YYYY-MM-DD, UTC) to reconcile; null for yesterday
   * @return how many differences the tenants' reports list together
   */
  @WorkflowMethod
  int run(String date);
}
