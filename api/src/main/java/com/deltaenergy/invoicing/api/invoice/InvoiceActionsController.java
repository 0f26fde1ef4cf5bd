package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators do to an invoice; each action is applied by its workflow and audited. */
@RestController
@RequestMapping("/api/invoice/{id}")
public class InvoiceActionsController {

  private final InvoiceService invoices;
  private final InvoiceWorkflowClient workflows;
  private final PaymentRepository payments;
  private final InvoiceAuditRepository audit;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;

  public InvoiceActionsController(
      InvoiceService invoices,
      InvoiceWorkflowClient workflows,
      PaymentRepository payments,
      InvoiceAuditRepository audit,
      CurrentTenant tenant,
      CurrentOperator operator) {
    this.invoices = invoices;
    this.workflows = workflows;
    this.payments = payments;
    this.audit = audit;
    this.tenant = tenant;
    this.operator = operator;
  }

  /** Why an operator acts; it goes to the audit trail. */
  public record ReasonRequest(
      @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {}

  public record ExtendDueDateBody(
      @NotNull(message = "is required") LocalDate newDueDate,
      @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {}

  public record VerifyPaymentBody(
      @NotBlank(message = "is required")
          @Size(max = 128, message = "must be at most 128 characters")
          @Pattern(regexp = "[0-9A-Za-z]*", message = "must be a transaction hash (letters and digits)")
          String txHash) {}

  /** The verdict of a manual TxID verification, with the invoice as it now stands. */
  public record VerifyPaymentResponse(
      String verdict, String reason, String txHash, InvoiceResponse invoice) {}

  public record AuditResponse(String action, String actor, String reason, String details, Instant occurredAt) {}

  /**
   * A rejected verification (the hash belongs to nothing, or to another invoice) answers 422 with
   * the same body as an accepted one, so a client can branch on the status code.
   */
  @ApiResponse(
      responseCode = "200",
      description = "Verdict `accepted` (the deposit now counts) or `already_counted`",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerifyPaymentResponse.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Verdict `rejected`: the hash was not found or does not match this invoice; `reason` says which",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerifyPaymentResponse.class)))
  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/verify-payment")
  ResponseEntity<VerifyPaymentResponse> verifyPayment(@PathVariable long id, @Valid @RequestBody VerifyPaymentBody body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    VerifyPaymentResult result =
        workflows.verifyPayment(invoice, new VerifyPaymentRequest(body.txHash().trim(), operator.name()));
    VerifyPaymentResponse response =
        new VerifyPaymentResponse(
            result.verdict().name().toLowerCase(), result.reason(), result.txHash(), invoices.view(tenant.id(), id));
    HttpStatus status =
        result.verdict() == VerifyPaymentResult.Verdict.REJECTED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
    return ResponseEntity.status(status).body(response);
  }

  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/cancel")
  InvoiceResponse cancel(@PathVariable long id, @Valid @RequestBody ReasonRequest body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    return respond(invoice, workflows.cancel(invoice, new CancelRequest(body.reason(), operator.name())));
  }

  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/mark-paid")
  InvoiceResponse markPaid(@PathVariable long id, @Valid @RequestBody ReasonRequest body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    return respond(invoice, workflows.markPaid(invoice, new OperatorReason(body.reason(), operator.name())));
  }

  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/extend-due-date")
  InvoiceResponse extendDueDate(@PathVariable long id, @Valid @RequestBody ExtendDueDateBody body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    return respond(
        invoice,
        workflows.extendDueDate(
            invoice, new ExtendDueDateRequest(body.newDueDate(), body.reason(), operator.name())));
  }

  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/requote")
  InvoiceResponse requote(@PathVariable long id, @Valid @RequestBody ReasonRequest body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    return respond(invoice, workflows.requote(invoice, new OperatorReason(body.reason(), operator.name())));
  }

  @ApiResponse(responseCode = "202", description = "Accepted: the workflow pauses the reminders", content = @Content)
  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/dunning/pause")
  ResponseEntity<Void> pauseDunning(@PathVariable long id, @Valid @RequestBody ReasonRequest body) {
    workflows.pauseDunning(invoices.get(tenant.id(), id), new OperatorReason(body.reason(), operator.name()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  @ApiResponse(responseCode = "202", description = "Accepted: the workflow resumes the reminders", content = @Content)
  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/dunning/resume")
  ResponseEntity<Void> resumeDunning(@PathVariable long id, @Valid @RequestBody ReasonRequest body) {
    workflows.resumeDunning(invoices.get(tenant.id(), id), new OperatorReason(body.reason(), operator.name()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  @ApiResponse(responseCode = "202", description = "Accepted: the workflow retries issuing", content = @Content)
  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/retry-issue")
  ResponseEntity<Void> retryIssue(@PathVariable long id) {
    workflows.retryIssue(invoices.get(tenant.id(), id));
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  /** The invoice's new pay link. */
  public record PayLinkResponse(String payUrl) {}

  /**
   * Replaces the invoice's pay link, e.g. after it was forwarded to the wrong person: the old link
   * answers 404 from now on. Audited; the reason is optional.
   */
  @PostMapping("/pay-link/regenerate")
  PayLinkResponse regeneratePayLink(@PathVariable long id) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    String payUrl = invoices.regeneratePayUrl(tenant.id(), invoice.id());
    // The key is unique per regeneration: each one is its own audited act.
    audit.append("pay-link-regenerated|" + invoice.id() + "|" + java.util.UUID.randomUUID(), invoice.id(),
        "pay_link_regenerated", operator.name(), null, null, Instant.now());
    return new PayLinkResponse(payUrl);
  }

  @GetMapping("/payments")
  List<InvoiceResponse.PaymentResponse> payments(@PathVariable long id) {
    invoices.get(tenant.id(), id);
    return payments.forInvoice(tenant.id(), id).stream().map(InvoiceResponse.PaymentResponse::of).toList();
  }

  @GetMapping("/audit")
  List<AuditResponse> audit(@PathVariable long id) {
    invoices.get(tenant.id(), id);
    return audit.forInvoice(tenant.id(), id).stream()
        .map(a -> new AuditResponse(a.action(), a.actor(), a.reason(), a.details(), a.occurredAt()))
        .toList();
  }

  private InvoiceResponse respond(InvoiceRecord invoice, InvoiceStatusView view) {
    return invoices.respond(invoices.get(tenant.id(), invoice.id()), view);
  }

}
