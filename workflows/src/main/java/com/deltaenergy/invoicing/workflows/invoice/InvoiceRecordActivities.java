package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.activity.ActivityInterface;

/** Writes the workflow's state to the invoice tables (a projection; the workflow is the truth). */
@ActivityInterface
public interface InvoiceRecordActivities {

  /**
   * Records a status transition. Idempotent and ordered: a write carrying a version not newer than
   * the stored one changes nothing, so a retried or late write never moves an invoice backwards.
   */
  void recordStatus(long invoiceId, InvoiceStatus status, long stateVersion);
}
