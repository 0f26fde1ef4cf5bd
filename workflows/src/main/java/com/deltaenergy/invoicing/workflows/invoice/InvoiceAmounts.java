package com.deltaenergy.invoicing.workflows.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * USD arithmetic of an invoice: line amounts, subtotal, tax and total, each rounded HALF_UP to
 * cents at the step where it appears on the document, so the printed figures always add up.
 */
public final class InvoiceAmounts {

  public static final int USD_SCALE = 2;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private InvoiceAmounts() {}

  /** quantity × unit price, rounded to cents. */
  public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal unitPrice) {
    return usd(quantity.multiply(unitPrice));
  }

  public static BigDecimal subtotal(List<BigDecimal> lineAmounts) {
    return usd(lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** Tax on the subtotal at {@code ratePercent} (e.g. 10 for 10 %), rounded to cents. */
  public static BigDecimal tax(BigDecimal subtotal, BigDecimal ratePercent) {
    if (ratePercent == null || ratePercent.signum() == 0) {
      return usd(BigDecimal.ZERO);
    }
    return usd(subtotal.multiply(ratePercent).divide(HUNDRED));
  }

  public static BigDecimal usd(BigDecimal amount) {
    return amount.setScale(USD_SCALE, RoundingMode.HALF_UP);
  }
}
