package com.deltaenergy.invoicing.workflows.document;

/** Which copy of the invoice document. */
public enum DocumentKind {
  /** The invoice as issued, with the payment QR code. */
  INVOICE,
  /** The paid copy, stamped PAID with the transaction ids. */
  RECEIPT
}
