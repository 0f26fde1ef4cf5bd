package com.deltaenergy.invoicing.api.invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestHeader;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class InvoiceController {

  static final String REPLAYED = "Idempotent-Replayed";

  private static final Logger log = LoggerFactory.getLogger(InvoiceController.class);

  private final InvoiceService invoices;
  private final CurrentTenant tenant;
  private final String temporalUiUrl;
  private final String namespace;

  public InvoiceController(
      InvoiceService invoices,
      CurrentTenant tenant,
      @Value("${invoicing.temporal.ui-url:}") String temporalUiUrl,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.invoices = invoices;
    this.tenant = tenant;
    this.temporalUiUrl = temporalUiUrl.replaceAll("/+$", "");
    this.namespace = namespace;
  }

  /**
   * Creates an invoice and starts its workflow. With an Idempotency-Key, a repeat of the same
   * request answers like the first one (201, the same invoice, marked {@code Idempotent-Replayed});
   * the key with a different request is a 409.
   */
  @ApiResponse(responseCode = "201", description = "Created (or, with a repeated Idempotency-Key, the invoice created before)",
      headers = {
          @Header(name = "Location", description = "The invoice's URL", schema = @Schema(type = "string")),
          @Header(name = REPLAYED, description = "true when an earlier request with the same Idempotency-Key created the invoice",
              schema = @Schema(type = "string", allowableValues = "true"))})
  @ErrorResponses({HttpStatus.CONFLICT})
  @PostMapping("/invoice/create")
  public ResponseEntity<InvoiceResponse> create(
      @Parameter(description = "Makes retries safe: the same key with the same request returns the same invoice;"
              + " with a different request, 409. 1 to 255 visible ASCII characters, e.g. a UUID.",
          schema = @Schema(pattern = IdempotencyKey.PATTERN, minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
          @RequestHeader(value = IdempotencyKey.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody CreateInvoiceRequest request) {
    if (idempotencyKey == null) {
      InvoiceResponse created = invoices.create(tenant.id(), request);
      logCreated(created);
      return ResponseEntity.created(URI.create("/api/invoice/" + created.id())).body(created);
    }
    InvoiceService.Creation creation = invoices.create(tenant.id(), idempotencyKey, request);
    if (!creation.replayed()) {
      logCreated(creation.invoice());
    }
    ResponseEntity.BodyBuilder response =
        ResponseEntity.created(URI.create("/api/invoice/" + creation.invoice().id()));
    if (creation.replayed()) {
      response.header(REPLAYED, "true");
    }
    return response.body(creation.invoice());
  }

  /** Where an operator finds the new invoice's workflow: its id, and its Web UI page when TEMPORAL_UI_URL is set. */
  private void logCreated(InvoiceResponse invoice) {
    String page =
        temporalUiUrl.isEmpty()
            ? ""
            : " " + temporalUiUrl + "/namespaces/" + namespace + "/workflows/" + invoice.workflowId();
    log.info("Invoice {} (id {}) created: workflow {}{}", invoice.invoiceNumber(), invoice.id(), invoice.workflowId(), page);
  }

  @GetMapping("/invoice/{id}")
  public InvoiceResponse get(@PathVariable long id) {
    return invoices.view(tenant.id(), id);
  }

  @GetMapping("/invoices")
  public List<InvoiceResponse> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    return invoices.list(tenant.id(), status, limit, offset).stream()
        .map(invoice -> InvoiceResponse.summary(invoice, invoices.payUrl(invoice)))
        .toList();
  }
}
