package com.deltaenergy.invoicing.api.document;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProgress;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invoice PDF: the PAID copy once there is one, else the invoice as issued ({@code copy}
 * chooses). Cached by ETag (the file's SHA-256), named after the invoice number.
 */
@RestController
public class InvoicePdfController {

  private final InvoiceService invoices;
  private final CurrentTenant tenant;

  public InvoicePdfController(InvoiceService invoices, CurrentTenant tenant) {
    this.invoices = invoices;
    this.tenant = tenant;
  }

  @ApiResponse(responseCode = "200", description = "The PDF",
      headers = {@Header(name = "ETag", description = "The file's SHA-256", schema = @Schema(type = "string"))},
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag", content = @Content)
  @GetMapping(value = "/api/invoice/{id}/pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<Resource> pdf(
      @PathVariable long id,
      @Parameter(description = "invoice (as issued) or receipt (the PAID copy); default: the PAID copy once there is one",
          schema = @Schema(allowableValues = {"invoice", "receipt"})) @RequestParam(required = false) String copy,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    InvoiceProgress progress = invoice.progress();
    boolean receipt;
    if (copy == null || copy.isBlank()) {
      receipt = progress.receiptPath() != null;
    } else if (copy.equals("invoice") || copy.equals("receipt")) {
      receipt = copy.equals("receipt");
    } else {
      throw new InvalidRequestException("copy", "must be 'invoice' or 'receipt'");
    }
    String path = receipt ? progress.receiptPath() : progress.pdfPath();
    String sha256 = receipt ? progress.receiptSha256() : progress.pdfSha256();
    if (path == null || !Files.isReadable(Path.of(path))) {
      throw new NotFoundException(
          receipt ? "paid copy of invoice" : "PDF of invoice", invoice.invoiceNumber() + " (not rendered yet)");
    }
    String etag = "\"" + sha256 + "\"";
    String fileName = invoice.invoiceNumber() + (receipt ? "-paid" : "") + ".pdf";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .eTag(etag)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(new FileSystemResource(path));
  }
}
