package com.deltaenergy.invoicing.api.document;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A draft's preview PDF, marked DRAFT, rendered now from the draft as it stands. */
@RestController
public class DraftPreviewController {

  private final DraftPreviews previews;
  private final CurrentTenant tenant;

  public DraftPreviewController(DraftPreviews previews, CurrentTenant tenant) {
    this.previews = previews;
    this.tenant = tenant;
  }

  @ApiResponse(responseCode = "200", description = "The draft's preview: no number, no deposit address, a rate estimate",
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "404", description = "No such invoice for this tenant",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "The invoice was sent: it is no draft, its PDF is /api/invoice/{id}/pdf",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "503", description = "No worker rendered the preview in time",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(value = "/api/invoice/{id}/preview.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  public ResponseEntity<byte[]> preview(@PathVariable long id) {
    return DraftPreviewResponses.pdf(id, previews.render(tenant.id(), id));
  }
}
