package com.deltaenergy.invoicing.workflows.coin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A coin an invoice can be paid in. {@link #decimals()} is the precision the amount to pay is
 * quoted and compared in; it never changes for an issued invoice.
 */
public enum CryptoCurrency {
  BTC(8, 3),
  USDT(6, 20),
  TAO(9, 12);

  private final int decimals;
  private final int defaultConfirmations;

  CryptoCurrency(int decimals, int defaultConfirmations) {
    this.decimals = decimals;
    this.defaultConfirmations = defaultConfirmations;
  }

  public int decimals() {
    return decimals;
  }

  /** Confirmations required when nothing is configured (seed: BTC 3, USDT 20, TAO 12). */
  public int defaultConfirmations() {
    return defaultConfirmations;
  }

  /** The amount at this coin's precision; never rounds silently, fails if digits would be lost. */
  public BigDecimal exact(BigDecimal amount) {
    return amount.setScale(decimals, RoundingMode.UNNECESSARY);
  }

  /** Parses a currency code case-insensitively, or returns null for an unknown one. */
  public static CryptoCurrency fromCode(String code) {
    if (code == null) {
      return null;
    }
    for (CryptoCurrency currency : values()) {
      if (currency.name().equalsIgnoreCase(code.trim())) {
        return currency;
      }
    }
    return null;
  }
}
