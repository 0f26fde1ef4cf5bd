package com.deltaenergy.invoicing.api.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers, money and dates as the payer's language writes them: 5,000.00 in English, 5.000,00 in
 * Spanish and Portuguese. Figures are formatted exactly (no rounding) from BigDecimal.
 */
final class PayFormats {

  private final Locale locale;

  PayFormats(Locale locale) {
    this.locale = locale;
  }

  String usd(BigDecimal amount) {
    return "USD " + grouped(amount.setScale(2, RoundingMode.HALF_UP), 2, 2);
  }

  /** A crypto amount with the coin's decimals, e.g. "1.234,560000 USDT". */
  String crypto(BigDecimal amount, int decimals, String coin) {
    return grouped(amount.setScale(decimals, RoundingMode.HALF_UP), decimals, decimals) + " " + coin;
  }

  /** A rate in USD with its sub-cent digits. */
  String usdPrice(BigDecimal amount) {
    return "USD " + grouped(amount, 2, Math.max(2, amount.stripTrailingZeros().scale()));
  }

  String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  String timestamp(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(instant)
        + " UTC";
  }

  private String grouped(BigDecimal value, int minFractionDigits, int maxFractionDigits) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    format.setMinimumFractionDigits(minFractionDigits);
    format.setMaximumFractionDigits(maxFractionDigits);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(value);
  }
}
