package com.deltaenergy.invoicing.workflows.document;

import io.temporal.activity.ActivityInterface;

/** Renders and stores the invoice PDF. */
@ActivityInterface(namePrefix = "Document.")
public interface DocumentActivities {

  /**
   * Renders the document from the stored invoice, stores it and records its path and checksum on
   * the invoice. Rendering the same state again gives the same document.
   */
  StoredDocument render(long invoiceId, DocumentKind kind);

  record StoredDocument(DocumentKind kind, String path, String sha256, long sizeBytes) {}
}
