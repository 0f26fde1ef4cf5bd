package com.deltaenergy.invoicing.api.reconciliation;

import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient.RefusedException;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.UnmatchedDeposit;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Deposits that count for no invoice, and what operators do with them. Assigning claims the
 * deposit first (a second assign is refused, whoever asks), then has the target invoice's workflow
 * count it like any payment; if the workflow refuses, the claim is released.
 */
@Service
public class UnmatchedDeposits {

  private final ExchangeDepositRepository deposits;
  private final InvoiceService invoices;
  private final InvoiceWorkflowClient workflows;
  private final InvoiceAuditRepository audit;
  private final Clock clock;

  public UnmatchedDeposits(
      ExchangeDepositRepository deposits,
      InvoiceService invoices,
      InvoiceWorkflowClient workflows,
      InvoiceAuditRepository audit,
      Clock clock) {
    this.deposits = deposits;
    this.invoices = invoices;
    this.workflows = workflows;
    this.audit = audit;
    this.clock = clock;
  }

  public List<UnmatchedDeposit> list(long tenantId, int limit) {
    return deposits.unmatched(tenantId, limit);
  }

  public UnmatchedDeposit get(long tenantId, long id) {
    return deposits.find(tenantId, id).orElseThrow(() -> new NotFoundException("unmatched deposit", id));
  }

  public VerifyPaymentResult assign(long tenantId, long id, long invoiceId, String reason, String operator) {
    UnmatchedDeposit deposit = get(tenantId, id);
    InvoiceRecord invoice;
    try {
      invoice = invoices.get(tenantId, invoiceId);
    } catch (NotFoundException e) {
      throw new InvalidRequestException("invoice_id", "no invoice " + invoiceId);
    }
    requireUnresolved(deposit);
    if (!deposits.claimForAssignment(id, invoiceId, operator, reason, clock.instant())) {
      requireUnresolved(get(tenantId, id)); // resolved meanwhile by someone else
      throw new ConflictException("unmatched deposit " + id + " was resolved meanwhile");
    }
    VerifyPaymentResult result;
    try {
      result =
          workflows.assignDeposit(invoice, new AssignDepositRequest(id, observed(deposit), reason, operator));
    } catch (RefusedException e) {
      if (e.kind() != RefusedException.Kind.UNAVAILABLE) {
        deposits.releaseAssignment(id, invoiceId);
      }
      // Unavailable: the workflow may still count it once a worker runs, so the claim stays.
      throw e;
    }
    if (result.verdict() == VerifyPaymentResult.Verdict.REJECTED) {
      deposits.releaseAssignment(id, invoiceId);
      throw new ConflictException("invoice " + invoice.invoiceNumber() + " cannot take this deposit: " + result.reason());
    }
    if (deposit.flaggedInvoiceId() != null && deposit.flaggedInvoiceId() != invoiceId) {
      audit.append(
          "unmatched-deposit:" + id + ":assigned-away", deposit.flaggedInvoiceId(), "deposit_assigned_elsewhere",
          operator, reason,
          "{\"unmatched_id\":" + id + ",\"tx_hash\":\"" + json(deposit.txHash()) + "\",\"to_invoice\":\""
              + json(invoice.invoiceNumber()) + "\"}",
          clock.instant());
    }
    return result;
  }

  public UnmatchedDeposit dismiss(long tenantId, long id, String reason, String operator) {
    UnmatchedDeposit deposit = get(tenantId, id);
    requireUnresolved(deposit);
    if (!deposits.dismiss(id, operator, reason, clock.instant())) {
      requireUnresolved(get(tenantId, id));
      throw new ConflictException("unmatched deposit " + id + " was resolved meanwhile");
    }
    if (deposit.flaggedInvoiceId() != null) {
      audit.append(
          "unmatched-deposit:" + id + ":dismissed", deposit.flaggedInvoiceId(), "deposit_dismissed", operator, reason,
          "{\"unmatched_id\":" + id + ",\"tx_hash\":\"" + json(deposit.txHash()) + "\"}", clock.instant());
    }
    return get(tenantId, id);
  }

  private static void requireUnresolved(UnmatchedDeposit deposit) {
    if ("assigned".equals(deposit.resolution())) {
      throw new ConflictException(
          "unmatched deposit " + deposit.id() + " is already assigned to invoice " + deposit.assignedInvoiceId());
    }
    if ("dismissed".equals(deposit.resolution())) {
      throw new ConflictException("unmatched deposit " + deposit.id() + " was dismissed: " + deposit.resolutionReason());
    }
  }

  /** The deposit as the exchange reported it, as the invoice workflow takes deposits. */
  static ObservedDeposit observed(UnmatchedDeposit deposit) {
    CryptoCurrency coin = CryptoCurrency.fromCode(deposit.coin());
    PaymentNetwork network =
        Arrays.stream(PaymentNetwork.values()).filter(n -> n.name().equals(deposit.network())).findFirst().orElse(null);
    return new ObservedDeposit(
        deposit.txHash(), coin, deposit.coin(), network, deposit.exchangeNetwork(), deposit.address(),
        deposit.memo(), deposit.amount(), deposit.confirmations(), DepositStatus.valueOf(deposit.depositStatus()),
        deposit.depositedAt(), deposit.rawJson());
  }

  private static String json(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
