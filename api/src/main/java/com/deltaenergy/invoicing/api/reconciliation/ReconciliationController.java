package com.deltaenergy.invoicing.api.reconciliation;

import com.deltaenergy.invoicing.api.invoice.InvoiceResponse;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.UnmatchedDeposit;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money that reached the exchange account and counts for no invoice: to an address no invoice
 * holds, or flagged on the invoice it reached (after cancel, after completion, wrong network).
 */
@RestController
@RequestMapping("/api/reconciliation")
public class ReconciliationController {

  private static final int LIST_LIMIT = 500;

  private final UnmatchedDeposits unmatched;
  private final InvoiceService invoices;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;

  public ReconciliationController(
      UnmatchedDeposits unmatched, InvoiceService invoices, CurrentTenant tenant, CurrentOperator operator) {
    this.unmatched = unmatched;
    this.invoices = invoices;
    this.tenant = tenant;
    this.operator = operator;
  }

  /**
   * One deposit that counts for no invoice.
   *
   * @param flaggedInvoiceId the invoice whose address it reached and which did not count it
   * @param flag why it did not count there; null when no invoice holds the address
   * @param resolution none, assigned or dismissed
   */
  public record UnmatchedDepositResponse(
      long id,
      String amount,
      String coin,
      String network,
      String exchangeNetwork,
      String address,
      String memo,
      String txHash,
      Instant time,
      Instant firstSeenAt,
      int confirmations,
      String depositStatus,
      String provider,
      Long flaggedInvoiceId,
      String flaggedInvoiceNumber,
      String flag,
      String resolution,
      Long assignedInvoiceId,
      String resolvedBy,
      String resolutionReason,
      Instant resolvedAt) {

    static UnmatchedDepositResponse of(UnmatchedDeposit d) {
      BigDecimal amount = d.amount().stripTrailingZeros();
      return new UnmatchedDepositResponse(
          d.id(), (amount.scale() < 0 ? amount.setScale(0) : amount).toPlainString(), d.coin(), d.network(),
          d.exchangeNetwork(), d.address(), d.memo(), d.txHash(), d.depositedAt(), d.firstSeenAt(),
          d.confirmations(), d.depositStatus().toLowerCase(), d.provider(), d.flaggedInvoiceId(),
          d.flaggedInvoiceNumber(), d.flag(), d.resolution(), d.assignedInvoiceId(), d.resolvedBy(),
          d.resolutionReason(), d.resolvedAt());
    }
  }

  public record UnmatchedListResponse(int count, List<UnmatchedDepositResponse> deposits) {}

  public record AssignRequest(
      @NotNull(message = "is required") @Positive(message = "must be an invoice id") Long invoiceId,
      @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {}

  public record DismissRequest(
      @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {}

  /** The outcome of an assignment, with the invoice that now counts the deposit. */
  public record AssignResponse(String verdict, String reason, UnmatchedDepositResponse deposit, InvoiceResponse invoice) {}

  @GetMapping("/unmatched")
  UnmatchedListResponse list() {
    List<UnmatchedDepositResponse> deposits =
        unmatched.list(tenant.id(), LIST_LIMIT).stream().map(UnmatchedDepositResponse::of).toList();
    return new UnmatchedListResponse(deposits.size(), deposits);
  }

  @ErrorResponses(HttpStatus.NOT_FOUND)
  @GetMapping("/unmatched/{id}")
  UnmatchedDepositResponse one(@PathVariable long id) {
    return UnmatchedDepositResponse.of(unmatched.get(tenant.id(), id));
  }

  /** Counts the deposit for an invoice through its workflow; a deposit is assigned at most once (409). */
  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/unmatched/{id}/assign")
  AssignResponse assign(@PathVariable long id, @Valid @RequestBody AssignRequest body) {
    VerifyPaymentResult result =
        unmatched.assign(tenant.id(), id, body.invoiceId(), body.reason().trim(), operator.name());
    return new AssignResponse(
        result.verdict().name().toLowerCase(), result.reason(),
        UnmatchedDepositResponse.of(unmatched.get(tenant.id(), id)), invoices.view(tenant.id(), body.invoiceId()));
  }

  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping("/unmatched/{id}/dismiss")
  UnmatchedDepositResponse dismiss(@PathVariable long id, @Valid @RequestBody DismissRequest body) {
    return UnmatchedDepositResponse.of(unmatched.dismiss(tenant.id(), id, body.reason().trim(), operator.name()));
  }
}
