package com.deltaenergy.invoicing.workflows.cfo;

import io.temporal.activity.ActivityInterface;

/** Books paid invoices as revenue in the CFO ledger. */
@ActivityInterface(namePrefix = "CfoSync.")
public interface CfoSyncActivities {

  /** Activity failure type for validation and schema errors: retrying cannot help. */
  String VALIDATION_FAILED = "CfoValidationFailed";

  /**
   * Writes the invoice's revenue row to the ledger once, records the mapping and the attempt in
   * the audit log. A row already booked under the invoice number is linked, never duplicated.
   * Transient failures are retried after 1, 5 and 15 minutes (the failure carries the delay).
   */
  CfoSyncResult syncInvoice(long invoiceId);

  /** Marks the mapping failed after the last retry so the pending views and alerts show it. */
  void markFailed(long invoiceId, String error);

  /** The outcome of a sync: a new ledger row, or an existing one linked. */
  record CfoSyncResult(long cfoTransactionId, boolean linkedExisting, java.time.Instant syncedAt) {}
}
