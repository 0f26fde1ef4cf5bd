package com.deltaenergy.invoicing.persistence.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A validated invoice about to be stored; amounts are already computed and consistent. */
public record NewInvoice(
    long tenantId,
    long clientId,
    BigDecimal amountUsd,
    BigDecimal subtotalUsd,
    String taxLabel,
    BigDecimal taxRatePercent,
    BigDecimal taxAmountUsd,
    CryptoCurrency currency,
    PaymentNetwork network,
    String billingPeriod,
    String description,
    String notes,
    LocalDate issueDate,
    LocalDate dueDate,
    List<LineItem> lineItems) {}
