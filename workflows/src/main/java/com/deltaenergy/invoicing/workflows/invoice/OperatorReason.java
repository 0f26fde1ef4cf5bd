package com.deltaenergy.invoicing.workflows.invoice;

/**
 * Why an operator asks for a change that needs nothing more (mark paid, re-quote, pause or resume
 * dunning, retry the CFO booking), and who asks; both go to the audit trail. On the wire it is
 * {@code {"reason":…,"requestedBy":…}}, the shape of the per-request records it replaced, so
 * recorded histories and running invoices read it unchanged.
 */
public record OperatorReason(String reason, String requestedBy) {}
