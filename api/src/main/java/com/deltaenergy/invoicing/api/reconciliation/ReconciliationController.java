package com.deltaenergy.invoicing.api.reconciliation;

import com.deltaenergy.invoicing.api.invoice.InvoiceResponse;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository;
import com.deltaenergy.invoicing.workflows.reconciliation.ReconciliationReportWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestParam;
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
  private final ReconciliationReportRepository reports;
  private final WorkflowClient workflows;
  private final String taskQueue;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;

  public ReconciliationController(
      UnmatchedDeposits unmatched,
      InvoiceService invoices,
      ReconciliationReportRepository reports,
      WorkflowClient workflows,
      @Value("${invoicing.temporal.task-queue}") String taskQueue,
      CurrentTenant tenant,
      CurrentOperator operator) {
    this.unmatched = unmatched;
    this.invoices = invoices;
    this.reports = reports;
    this.workflows = workflows;
    this.taskQueue = taskQueue;
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

  /**
   * The three-way report of a day (UTC) as the daily Temporal schedule (or an operator's POST)
   * computed it: exchange deposits, payments on invoices, CFO ledger rows, every difference.
   */
  @ErrorResponses({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
  @GetMapping("/report")
  ReconciliationReport report(@RequestParam(required = false) String date) {
    LocalDate day = day(date);
    return reports.find(tenant.id(), day)
        .orElseThrow(() -> new NotFoundException("reconciliation report of", day + " (computed daily at 01:00 UTC for the day before; POST to compute it now)"));
  }

  /** Computes the day's report now, through the same workflow the schedule starts. */
  @ErrorResponses({HttpStatus.BAD_REQUEST, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/report")
  ReconciliationReport computeReport(@RequestParam(required = false) String date) {
    LocalDate day = day(date);
    ReconciliationReportWorkflow workflow =
        workflows.newWorkflowStub(
            ReconciliationReportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReconciliationReportWorkflow.SCHEDULE_ID + "-" + day + "-" + UUID.randomUUID())
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                .build());
    try {
      WorkflowClient.execute(workflow::run, day.toString()).get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new InvoiceWorkflowClient.RefusedException(
          InvoiceWorkflowClient.RefusedException.Kind.UNAVAILABLE, "the report was not computed within 60 s; read it later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new InvoiceWorkflowClient.RefusedException(
          InvoiceWorkflowClient.RefusedException.Kind.UNAVAILABLE, "the report could not be computed: " + e.getCause().getMessage());
    }
    return report(day.toString());
  }

  private static LocalDate day(String date) {
    if (date == null || date.isBlank()) {
      throw new InvalidRequestException("date", "is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(date.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("date", "must be a date YYYY-MM-DD");
    }
  }

  @ErrorResponses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping("/unmatched/{id}/dismiss")
  UnmatchedDepositResponse dismiss(@PathVariable long id, @Valid @RequestBody DismissRequest body) {
    return UnmatchedDepositResponse.of(unmatched.dismiss(tenant.id(), id, body.reason().trim(), operator.name()));
  }
}
