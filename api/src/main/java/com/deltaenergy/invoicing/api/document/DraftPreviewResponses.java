package com.deltaenergy.invoicing.api.document;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a preview is served, by the API and the console alike. */
public final class DraftPreviewResponses {

  private DraftPreviewResponses() {}

  /** Inline, named after the draft, and never cached: the next edit changes it. */
  public static ResponseEntity<byte[]> pdf(long invoiceId, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("draft-" + invoiceId + "-preview.pdf").build().toString())
        .body(pdf);
  }
}
