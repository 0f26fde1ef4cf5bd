package com.deltaenergy.invoicing.api.document;

import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.invoice.InvoicePdfFiles;
import com.deltaenergy.invoicing.persistence.invoice.InvoicePdfFiles.Filter;
import com.deltaenergy.invoicing.persistence.invoice.InvoicePdfFiles.PdfFile;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The PDFs of many invoices as one ZIP, each entry named by its invoice number. Streamed: the
 * invoices are read a page at a time and each file is copied straight into the response, so
 * nothing holds all of them. Invoices without a rendered PDF (drafts, not yet issued) are left out.
 */
@RestController
public class InvoicePdfZipController {

  private static final int PAGE = 200;

  private final InvoicePdfFiles files;
  private final CurrentTenant tenant;

  public InvoicePdfZipController(InvoicePdfFiles files, CurrentTenant tenant) {
    this.files = files;
    this.tenant = tenant;
  }

  @ApiResponse(responseCode = "200", description = "A ZIP of the PDFs, one entry per invoice (<number>.pdf)",
      content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
  @GetMapping(value = "/api/invoices/pdf.zip", produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  public ResponseEntity<StreamingResponseBody> zip(
      @Parameter(description = "only these invoice ids") @RequestParam(required = false) List<Long> ids,
      @RequestParam(required = false) String status,
      @Parameter(description = "only this client's invoices") @RequestParam(name = "client_id", required = false) Long clientId,
      @Parameter(description = "issued on or after") @RequestParam(name = "from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "issued on or before") @RequestParam(name = "to", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "only the invoices of this CSV import") @RequestParam(name = "import_id", required = false) Long importId) {
    if (ids != null && ids.size() > 1000) {
      throw new InvalidRequestException("ids", "at most 1000 ids; use the other filters for more");
    }
    String wireStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        wireStatus = InvoiceStatus.fromWireName(status).wireName();
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("status", "unknown status '" + status + "'");
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequestException("to", "must not be before from");
    }
    long tenantId = tenant.id();
    Filter filter = new Filter(ids, wireStatus, clientId, from, to, importId);
    StreamingResponseBody body = out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // PDFs are compressed already
        long after = 0;
        List<PdfFile> page;
        do {
          page = files.page(tenantId, filter, after, PAGE);
          for (PdfFile file : page) {
            add(zip, file);
            after = file.id();
          }
        } while (page.size() == PAGE);
      }
    };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invoices.zip").build().toString())
        .body(body);
  }

  private static void add(ZipOutputStream zip, PdfFile file) throws IOException {
    Path path = Path.of(file.path());
    if (!Files.isReadable(path)) {
      return; // rendered on a worker whose documents directory this API does not share
    }
    zip.putNextEntry(new ZipEntry(file.invoiceNumber() + ".pdf"));
    Files.copy(path, zip);
    zip.closeEntry();
  }
}
