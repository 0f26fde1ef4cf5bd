package com.deltaenergy.invoicing.persistence.invoice;

import java.math.BigDecimal;

/** One line of an invoice; {@code amountUsd} is quantity × unit price rounded to cents. */
public record LineItem(
    String description, BigDecimal quantity, BigDecimal unitPriceUsd, BigDecimal amountUsd) {}
