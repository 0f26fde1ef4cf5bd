package com.deltaenergy.invoicing.persistence.imports;

import java.math.BigDecimal;

/** One line of an import's results file; {@code payToken} is the invoice's pay link's, if it has one. */
public record ImportResultRow(
    int rowNumber,
    String externalReference,
    String status,
    Long invoiceId,
    String invoiceNumber,
    String depositAddress,
    BigDecimal cryptoAmount,
    String payToken,
    String error) {}
