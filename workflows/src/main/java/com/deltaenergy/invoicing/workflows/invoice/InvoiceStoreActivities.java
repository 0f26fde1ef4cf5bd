package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/**
 * The invoice's persistence: its terms, the projection of its live state, the audit trail, and
 * its registration with the deposit scanner. Every write is idempotent.
 */
@ActivityInterface(namePrefix = "InvoiceStore.")
public interface InvoiceStoreActivities {

  /** The stored invoice's terms and, if the workflow recorded any, its last recorded state. */
  LoadedInvoice load(long invoiceId);

  /**
   * Writes the state to the invoice tables. Ordered by {@link InvoiceState#version()}: a write
   * that is not newer than what is stored changes nothing, so retries and reorderings never move
   * an invoice backwards.
   */
  void record(InvoiceState state);

  /** Appends to invoice_audit once per idempotency key. */
  void audit(AuditEntry entry);

  /** Asks the deposit scanner to watch the invoice's address (and to report its full state anew). */
  void watch(long invoiceId);

  /** {@link #record} then {@link #watch}, in one activity: an invoice just issued needs both. */
  default void recordAndWatch(InvoiceState state) {
    record(state);
    watch(state.invoiceId());
  }

  /**
   * Tells the scanner the invoice no longer takes payments; it keeps looking at the address until
   * {@code watchUntil} so late deposits are recorded and flagged for an operator.
   */
  void closeWatch(long invoiceId, InvoiceStatus finalStatus, Instant watchUntil);

  /** {@link #record} then {@link #closeWatch}, in one activity: a completed invoice needs both. */
  default void recordAndCloseWatch(InvoiceState state, Instant watchUntil) {
    record(state);
    closeWatch(state.invoiceId(), state.status(), watchUntil);
  }

  record LoadedInvoice(InvoiceTerms terms, InvoiceState recorded) {}

  /** An operator action or a notable automatic one, with who, when and why. */
  record AuditEntry(
      String idempotencyKey,
      long invoiceId,
      String action,
      String actor,
      String reason,
      String details,
      Instant at) {}
}
