package com.deltaenergy.invoicing.persistence.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/** The lifecycle part of an invoice's projection: payment, lateness, dunning, closure. */
public record InvoiceProgress(
    Instant issuedAt,
    String issueError,
    BigDecimal amountReceived,
    BigDecimal amountPending,
    BigDecimal excessAmount,
    boolean overpaid,
    boolean overdue,
    Instant paidAt,
    boolean paidLate,
    boolean paidManually,
    Instant cancelledAt,
    String cancelReason,
    Instant completedAt,
    int dunningStage,
    boolean dunningPaused,
    int flaggedPayments,
    String pdfPath,
    String pdfSha256,
    String receiptPath,
    String receiptSha256) {}
