package com.deltaenergy.invoicing.workflows.document;

import io.temporal.activity.ActivityInterface;

/** Renders a draft's preview PDF; nothing is stored, the bytes are the answer. */
@ActivityInterface(namePrefix = "DraftPreview.")
public interface DraftPreviewActivities {

  /** Failure type when the invoice is not the tenant's (or does not exist). */
  String NOT_FOUND = "DraftNotFound";
  /** Failure type when the invoice was sent (it has a number): its PDF is the issued one. */
  String NOT_A_DRAFT = "NotADraft";

  /**
   * The draft's PDF marked DRAFT: no number, no deposit address, the amount in crypto at a rate
   * estimate. Fails (not retried) with {@link #NOT_FOUND} or {@link #NOT_A_DRAFT}.
   */
  byte[] render(long tenantId, long invoiceId);
}
