package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the API shows it (snake_case on the wire). Crypto amounts and rates are decimal
 * strings so no JSON parser rounds them.
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
    Instant createdAt,
    Instant updatedAt) {

  public record LineItemResponse(
      String description, BigDecimal quantity, BigDecimal unitPriceUsd, BigDecimal amountUsd) {

    static LineItemResponse of(LineItem item) {
      return new LineItemResponse(
          item.description(), item.quantity(), item.unitPriceUsd(), item.amountUsd());
    }
  }

  public static InvoiceResponse of(InvoiceRecord invoice) {
    return new InvoiceResponse(
        invoice.id(),
        invoice.invoiceNumber(),
        invoice.status(),
        invoice.workflowId(),
        invoice.clientId(),
        invoice.clientName(),
        invoice.amountUsd(),
        invoice.subtotalUsd(),
        invoice.taxLabel(),
        invoice.taxRatePercent(),
        invoice.taxAmountUsd(),
        invoice.currency().name(),
        invoice.network().name(),
        invoice.billingPeriod(),
        invoice.description(),
        invoice.notes(),
        invoice.issueDate(),
        invoice.dueDate(),
        invoice.depositAddress(),
        invoice.depositMemo(),
        invoice.cryptoAmount() == null
            ? null
            : invoice.cryptoAmount().setScale(invoice.currency().decimals()).toPlainString(),
        invoice.exchangeRate() == null ? null : invoice.exchangeRate().stripTrailingZeros().toPlainString(),
        invoice.rateLockedAt(),
        invoice.lineItems().stream().map(LineItemResponse::of).toList(),
        invoice.createdAt(),
        invoice.updatedAt());
  }
}
