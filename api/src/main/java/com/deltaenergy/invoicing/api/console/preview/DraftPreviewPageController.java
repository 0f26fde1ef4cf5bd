package com.deltaenergy.invoicing.api.console.preview;

import com.deltaenergy.invoicing.api.document.DraftPreviewResponses;
import com.deltaenergy.invoicing.api.document.DraftPreviews;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's link to a draft's preview PDF (signed in, read role, as every console GET): the
 * same rendering as {@code /api/invoice/{id}/preview.pdf}, for the operator's session.
 */
@Controller
class DraftPreviewPageController {

  private final DraftPreviews previews;
  private final CurrentTenant tenant;

  DraftPreviewPageController(DraftPreviews previews, CurrentTenant tenant) {
    this.previews = previews;
    this.tenant = tenant;
  }

  @GetMapping("/invoices/{id}/preview.pdf")
  ResponseEntity<byte[]> preview(@PathVariable long id) {
    return DraftPreviewResponses.pdf(id, previews.render(tenant.id(), id));
  }
}
