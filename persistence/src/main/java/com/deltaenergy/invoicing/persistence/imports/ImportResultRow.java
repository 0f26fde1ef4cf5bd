package com.deltaenergy.invoicing.persistence.imports;

import java.math.BigDecimal;

/** One line of an import's results file. */
public record ImportResultRow(
    int rowNumber,
    String externalReference,
    String status,
    Long invoiceId,
    String invoiceNumber,
    String depositAddress,
    BigDecimal cryptoAmount,
    String error) {}
