package com.deltaenergy.invoicing.workflows.imports;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface InvoiceImportActivities {

  /**
   * Creates the invoices of the valid rows after {@code afterRow}, up to {@code pageSize} of them,
   * each with its row in one transaction; in send mode starts their workflows and waits (bounded)
   * for them to be issued. Safe to repeat: rows already done are not created again.
   */
  ImportPage processPage(long importId, boolean send, int afterRow, int pageSize);

  /** Marks the import completed. */
  void complete(long importId);
}
