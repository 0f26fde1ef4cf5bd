package com.deltaenergy.invoicing.workflows.invoice;

/** What an invoice workflow starts from: the stored invoice it owns. */
public record InvoiceWorkflowInput(long invoiceId, String invoiceNumber, String clientName) {}
