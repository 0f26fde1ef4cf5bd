package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What an invoice workflow needs to know about a stored invoice before it first runs. */
public record InvoiceTerms(
    long invoiceId,
    long tenantId,
    String invoiceNumber,
    String clientName,
    BigDecimal amountUsd,
    CryptoCurrency currency,
    PaymentNetwork network,
    LocalDate dueDate,
    String timeZone,
    PaymentPolicy policy) {}
