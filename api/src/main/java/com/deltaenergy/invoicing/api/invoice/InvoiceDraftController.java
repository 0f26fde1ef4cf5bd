package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drafts (created with {@code "draft": true}): edited, deleted, and sent. A draft has no number
 * and no workflow; sending numbers it and issues it through the same path as a direct create.
 */
@RestController
@RequestMapping("/api/invoice/{id}")
public class InvoiceDraftController {

  private final InvoiceService invoices;
  private final CurrentTenant tenant;

  public InvoiceDraftController(InvoiceService invoices, CurrentTenant tenant) {
    this.invoices = invoices;
    this.tenant = tenant;
  }

  /**
   * Changes a draft: the body is a JSON merge patch (RFC 7396) of its create request, e.g.
   * {@code {"amount_usd": 6000, "notes": null}}; the result is validated as a create is.
   */
  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(consumes = {"application/json", "application/merge-patch+json"})
  public InvoiceResponse edit(@PathVariable long id, @RequestBody JsonNode patch) {
    return invoices.editDraft(tenant.id(), id, patch);
  }

  /** Deletes a draft; an issued invoice is a 409 (cancel it instead). */
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @DeleteMapping
  public ResponseEntity<Void> delete(@PathVariable long id) {
    invoices.deleteDraft(tenant.id(), id);
    return ResponseEntity.noContent().build();
  }

  /**
   * Issues a draft: validated again, numbered now (numbers follow issue order with no gaps), then
   * address, rate, PDF and e-mail as for a direct create.
   */
  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping("/send")
  public InvoiceResponse send(@PathVariable long id) {
    return invoices.sendDraft(tenant.id(), id);
  }
}
