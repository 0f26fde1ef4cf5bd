package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceProgress;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository.PaymentRecord;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the API shows it (snake_case on the wire). Crypto amounts and rates are decimal
 * strings so no JSON parser rounds them. {@code live} says whether the lifecycle fields come from
 * the running workflow (the source of truth) or from the stored projection of it. {@code payUrl}
 * is the payer's public page for the invoice (see {@code PayLinks}).
 */
public record InvoiceResponse(
    long id,
    String invoiceNumber,
    InvoiceStatus status,
    String workflowId,
    long clientId,
    String clientName,
    BigDecimal amountUsd,
    BigDecimal subtotalUsd,
    String taxLabel,
    BigDecimal taxRatePercent,
    BigDecimal taxAmountUsd,
    String cryptoCurrency,
    String cryptoNetwork,
    String billingPeriod,
    String description,
    String notes,
    LocalDate issueDate,
    LocalDate dueDate,
    String depositAddress,
    String depositMemo,
    String cryptoAmount,
    String exchangeRate,
    Instant rateLockedAt,
    List<LineItemResponse> lineItems,
    Instant issuedAt,
    String issueError,
    String amountReceived,
    String amountPending,
    String excessAmount,
    boolean overpaid,
    boolean overdue,
    Instant paidAt,
    boolean paidLate,
    boolean paidManually,
    Instant cancelledAt,
    String cancelReason,
    Instant completedAt,
    Integer confirmationsRequired,
    List<PaymentResponse> payments,
    Instant nextCheckAt,
    DunningResponse dunning,
    CfoSyncResponse cfoSync,
    String pdfUrl,
    String payUrl,
    boolean live,
    Instant createdAt,
    Instant updatedAt) {

  public record LineItemResponse(
      String description, BigDecimal quantity, BigDecimal unitPriceUsd, BigDecimal amountUsd) {

    static LineItemResponse of(LineItem item) {
      return new LineItemResponse(item.description(), item.quantity(), item.unitPriceUsd(), item.amountUsd());
    }
  }

  /** A deposit to the invoice's address; {@code counts} false means flagged, {@code flag} says why. */
  public record PaymentResponse(
      String txHash,
      String network,
      String exchangeNetwork,
      String coin,
      String amount,
      int confirmations,
      String depositStatus,
      boolean counts,
      String flag,
      boolean manual,
      Instant firstSeenAt) {

    static PaymentResponse of(Payment payment) {
      return new PaymentResponse(
          payment.txId(), payment.network() == null ? null : payment.network().name(),
          payment.exchangeNetwork(), payment.coinCode(), payment.amount().toPlainString(),
          payment.confirmations(), payment.depositStatus().name().toLowerCase(), payment.counts(),
          payment.flag() == null ? null : payment.flag().name().toLowerCase(), payment.manual(),
          payment.firstSeenAt());
    }

    static PaymentResponse of(PaymentRecord payment) {
      return new PaymentResponse(
          payment.txHash(), payment.network(), payment.exchangeNetwork(), payment.coin(),
          payment.amount().stripTrailingZeros().toPlainString(), payment.confirmations(),
          payment.depositStatus().toLowerCase(), payment.counts(),
          payment.flag() == null ? null : payment.flag().toLowerCase(), payment.manual(),
          payment.firstSeenAt());
    }
  }

  /** The dunning schedule: the last stage sent, and the next one if any. */
  public record DunningResponse(int lastStageSent, boolean paused, Integer nextStage, Instant nextStageAt) {}

  public record CfoSyncResponse(String status, int attempts, String lastError, Long cfoTransactionId, Instant syncedAt) {}

  /** A list entry: the stored projection without payments. */
  public static InvoiceResponse summary(InvoiceRecord invoice, String payUrl) {
    return of(invoice, (List<PaymentRecord>) null, payUrl);
  }

  /** A draft: no workflow, no payments, no pay link until it is sent. */
  public static InvoiceResponse draft(InvoiceRecord invoice) {
    return of(invoice, List.of(), (String) null);
  }

  /** From the stored projection only (when no workflow answers). */
  public static InvoiceResponse of(InvoiceRecord invoice, List<PaymentRecord> payments, String payUrl) {
    return of(invoice, payments, null, payUrl);
  }

  /** From the stored projection only, with the scanner's next check of its address. */
  public static InvoiceResponse of(
      InvoiceRecord invoice, List<PaymentRecord> payments, Instant nextCheckAt, String payUrl) {
    InvoiceProgress progress = invoice.progress();
    return new InvoiceResponse(
        invoice.id(), invoice.invoiceNumber(), invoice.status(), invoice.workflowId(), invoice.clientId(),
        invoice.clientName(), invoice.amountUsd(), invoice.subtotalUsd(), invoice.taxLabel(),
        invoice.taxRatePercent(), invoice.taxAmountUsd(), invoice.currency().name(), invoice.network().name(),
        invoice.billingPeriod(), invoice.description(), invoice.notes(), invoice.issueDate(), invoice.dueDate(),
        invoice.depositAddress(), invoice.depositMemo(), crypto(invoice.cryptoAmount(), invoice),
        rate(invoice.exchangeRate()), invoice.rateLockedAt(),
        invoice.lineItems().stream().map(LineItemResponse::of).toList(),
        progress.issuedAt(), progress.issueError(), crypto(progress.amountReceived(), invoice),
        crypto(progress.amountPending(), invoice), crypto(progress.excessAmount(), invoice),
        progress.overpaid(), progress.overdue(), progress.paidAt(), progress.paidLate(),
        progress.paidManually(), progress.cancelledAt(), progress.cancelReason(), progress.completedAt(),
        null, payments == null ? null : payments.stream().map(PaymentResponse::of).toList(), nextCheckAt,
        new DunningResponse(progress.dunningStage(), progress.dunningPaused(), null, null), null,
        pdfUrl(invoice), payUrl, false, invoice.createdAt(), invoice.updatedAt());
  }

  /** The stored invoice with its lifecycle as the running workflow sees it now. */
  public static InvoiceResponse of(InvoiceRecord invoice, InvoiceStatusView view, String payUrl) {
    return of(invoice, view, null, view.nextCheckAt(), payUrl);
  }

  /**
   * The workflow's lifecycle; {@code recorded}, when given, are the payments as recorded (a closed
   * invoice's late deposits among them), and {@code nextCheckAt} the scanner's next cycle.
   */
  public static InvoiceResponse of(
      InvoiceRecord invoice, InvoiceStatusView view, List<PaymentRecord> recorded, Instant nextCheckAt,
      String payUrl) {
    List<PaymentResponse> payments =
        recorded == null
            ? view.state().payments().stream().map(PaymentResponse::of).toList()
            : recorded.stream().map(PaymentResponse::of).toList();
    return live(invoice, view, payments, nextCheckAt, payUrl);
  }

  private static InvoiceResponse live(
      InvoiceRecord invoice, InvoiceStatusView view, List<PaymentResponse> payments, Instant nextCheckAt,
      String payUrl) {
    InvoiceState state = view.state();
    PaymentAssessment assessment = state.assessment();
    DunningStage next = view.nextDunningStage();
    int lastSent = state.dunning().stream().filter(s -> s.sentAt() != null).mapToInt(DunningStage::number).max().orElse(0);
    CfoSyncState cfo = state.cfo();
    return new InvoiceResponse(
        invoice.id(), invoice.invoiceNumber(), state.status(), invoice.workflowId(), invoice.clientId(),
        invoice.clientName(), invoice.amountUsd(), invoice.subtotalUsd(), invoice.taxLabel(),
        invoice.taxRatePercent(), invoice.taxAmountUsd(), invoice.currency().name(), invoice.network().name(),
        invoice.billingPeriod(), invoice.description(), invoice.notes(), invoice.issueDate(), state.dueDate(),
        state.depositAddress(), state.depositMemo(), crypto(state.cryptoAmount(), invoice),
        rate(state.exchangeRate()), state.rateLockedAt(),
        invoice.lineItems().stream().map(LineItemResponse::of).toList(),
        state.issuedAt(), state.issueError(),
        crypto(assessment == null ? null : assessment.confirmed(), invoice),
        crypto(assessment == null ? null : assessment.pending(), invoice),
        crypto(assessment == null ? null : assessment.excess(), invoice),
        assessment != null && assessment.overpaid(), state.overdue(), state.paidAt(), state.paidLate(),
        state.paidManually(), state.cancelledAt(), state.cancelReason(), state.completedAt(),
        state.policy().confirmationsRequired(),
        payments, nextCheckAt,
        new DunningResponse(lastSent, state.dunningPaused(), next == null ? null : next.number(),
            next == null ? null : next.dueAt()),
        new CfoSyncResponse(cfo.status().name().toLowerCase(), cfo.attempts(), cfo.lastError(),
            cfo.cfoTransactionId(), cfo.syncedAt()),
        pdfUrl(invoice), payUrl, true, invoice.createdAt(), invoice.updatedAt());
  }

  private static String pdfUrl(InvoiceRecord invoice) {
    return invoice.depositAddress() == null ? null : "/api/invoice/" + invoice.id() + "/pdf";
  }

  private static String crypto(BigDecimal amount, InvoiceRecord invoice) {
    return amount == null ? null : amount.setScale(invoice.currency().decimals(), java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String rate(BigDecimal rate) {
    return rate == null ? null : rate.stripTrailingZeros().toPlainString();
  }
}
