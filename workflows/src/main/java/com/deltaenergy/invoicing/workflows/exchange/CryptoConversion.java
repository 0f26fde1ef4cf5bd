package com.deltaenergy.invoicing.workflows.exchange;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD → crypto at a locked rate, at the coin's own precision. */
public final class CryptoConversion {

  private CryptoConversion() {}

  /**
   * The amount of {@code currency} worth {@code usd} at {@code usdPerCoin}. Rounded up to the
   * coin's precision: the payee is never short by a rounding step (at most one satoshi over).
   */
  public static BigDecimal toCrypto(BigDecimal usd, BigDecimal usdPerCoin, CryptoCurrency currency) {
    if (usdPerCoin == null || usdPerCoin.signum() <= 0) {
      throw new IllegalArgumentException("the rate must be positive, was " + usdPerCoin);
    }
    return usd.divide(usdPerCoin, currency.decimals(), RoundingMode.CEILING);
  }
}
