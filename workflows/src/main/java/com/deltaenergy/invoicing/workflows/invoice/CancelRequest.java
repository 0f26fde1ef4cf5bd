package com.deltaenergy.invoicing.workflows.invoice;

/** An operator's request to void an invoice. */
public record CancelRequest(String reason, String requestedBy) {}
