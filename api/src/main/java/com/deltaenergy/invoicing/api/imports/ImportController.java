package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.paylink.PayLinks;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Bulk CSV import of invoices: upload, progress, results file. */
@RestController
@RequestMapping("/api/invoices/imports")
public class ImportController {

  private final ImportService imports;
  private final CurrentTenant tenant;
  private final PayLinks payLinks;

  public ImportController(ImportService imports, CurrentTenant tenant, PayLinks payLinks) {
    this.imports = imports;
    this.tenant = tenant;
    this.payLinks = payLinks;
  }

  /**
   * Uploads a CSV (UTF-8, header line naming the columns, {@code ,} or {@code ;}); every row is
   * validated first (the response counts them; the results file says why a row is invalid), then
   * the valid rows' invoices are created by the import's workflow. Rows are keyed by
   * {@code external_reference}: uploading the file again creates nothing twice.
   */
  @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "202", description = "Validated; the valid rows are being created")
  @ErrorResponses({HttpStatus.PAYLOAD_TOO_LARGE})
  @PostMapping(consumes = {"text/csv", "application/csv"})
  public ResponseEntity<ImportResponse> upload(
      HttpServletRequest request,
      @Parameter(description = "send: issue each invoice; draft: store drafts", schema = @Schema(allowableValues = {"send", "draft"}))
          @RequestParam(defaultValue = "send") String mode,
      @Parameter(description = "true: validate only, create nothing") @RequestParam(name = "validate_only", defaultValue = "false")
          boolean validateOnly)
      throws IOException {
    ImportService.ImportView view = imports.upload(tenant.id(), request.getInputStream(), mode, validateOnly);
    ImportResponse body = ImportResponse.of(view.record(), imports.tally(view.record().id()), null);
    return ResponseEntity.accepted().location(URI.create("/api/invoices/imports/" + body.id())).body(body);
  }

  /**
   * The same upload as a form: a {@code file} part with the CSV ({@code mode} and
   * {@code validate_only} as query parameters, or as form fields before the file). The file is
   * streamed from the body as it arrives, under the same 20 MB limit.
   */
  @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(type = "object", requiredProperties = MultipartCsvUpload.FILE,
          description = "file: the CSV (binary); mode, validate_only: as the query parameters")))
  @ApiResponse(responseCode = "202", description = "Validated; the valid rows are being created")
  @ErrorResponses({HttpStatus.PAYLOAD_TOO_LARGE})
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ImportResponse> uploadForm(HttpServletRequest request) throws IOException {
    ImportService.ImportView view = MultipartCsvUpload.read(request,
        (csv, mode, validateOnly) -> imports.upload(tenant.id(), csv, mode, validateOnly));
    ImportResponse body = ImportResponse.of(view.record(), imports.tally(view.record().id()), null);
    return ResponseEntity.accepted().location(URI.create("/api/invoices/imports/" + body.id())).body(body);
  }

  @GetMapping("/{id}")
  public ImportResponse get(@PathVariable long id) {
    ImportService.ImportView view = imports.view(tenant.id(), id);
    return ImportResponse.of(view.record(), imports.tally(id), view.progress().orElse(null));
  }

  /** Per row: status, invoice id and number, deposit address, crypto amount, pay link, error. */
  @ApiResponse(responseCode = "200", description = "The results, one line per row of the upload",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping(value = "/{id}/results.csv", produces = {"text/csv", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  public ResponseEntity<StreamingResponseBody> results(@PathVariable long id) {
    return resultsFile(tenant.id(), id);
  }

  /** The results file of the tenant's import, streamed (also the console's download). */
  public ResponseEntity<StreamingResponseBody> resultsFile(long tenantId, long id) {
    imports.find(tenantId, id);
    StreamingResponseBody body = out -> {
      BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      ResultsCsv csv = new ResultsCsv(writer, payLinks::url);
      imports.results(tenantId, id, csv::write);
      writer.flush();
    };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("import-" + id + "-results.csv").build().toString())
        .body(body);
  }
}
