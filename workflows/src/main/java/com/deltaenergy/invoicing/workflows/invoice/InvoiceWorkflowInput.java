package com.deltaenergy.invoicing.workflows.invoice;

/**
 * What an invoice workflow starts from: the stored invoice it owns, and on continue-as-new the
 * state the previous run carried over.
 */
public record InvoiceWorkflowInput(
    long invoiceId, String invoiceNumber, String clientName, InvoiceState carriedState) {

  public static InvoiceWorkflowInput start(long invoiceId, String invoiceNumber, String clientName) {
    return new InvoiceWorkflowInput(invoiceId, invoiceNumber, clientName, null);
  }
}
