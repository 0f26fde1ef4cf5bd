package com.deltaenergy.invoicing.workflows.invoice;

/** The live state an invoice workflow answers its {@code status} query with. */
public record InvoiceWorkflowState(
    long invoiceId,
    String invoiceNumber,
    String clientName,
    InvoiceStatus status,
    long stateVersion,
    String cancelReason) {}
