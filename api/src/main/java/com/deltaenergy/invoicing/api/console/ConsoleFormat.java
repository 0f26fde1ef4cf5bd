package com.deltaenergy.invoicing.api.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the console writes amounts and times; templates call it as {@code @fmt}. */
@Component("fmt")
public class ConsoleFormat {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** 1,234.50 — always two decimals, thousands grouped. */
  public String usd(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  /** A crypto amount as recorded, without trailing zeros beyond what it has. */
  public String crypto(BigDecimal amount) {
    return amount == null ? "—" : amount.stripTrailingZeros().toPlainString();
  }

  /** "USDT TRC20", and "BTC" or "TAO" alone: those coins' one network is named like the coin. */
  public String coin(Object currency, Object network) {
    String coin = currency == null ? "" : currency.toString();
    String on = network == null ? "" : network.toString();
    return on.isEmpty() || on.equals(coin) ? coin : coin + " " + on;
  }

  public String time(Instant instant, ZoneId zone) {
    return instant == null ? "—" : TIME.format(instant.atZone(zone == null ? ZoneId.of("UTC") : zone));
  }

  public String iso(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** "in 12 s", "3 min ago". */
  public String relative(Instant instant) {
    if (instant == null) {
      return "—";
    }
    Duration delta = Duration.between(Instant.now(), instant);
    long seconds = Math.abs(delta.toSeconds());
    String amount = seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    return delta.isNegative() ? amount + " ago" : "in " + amount;
  }

  /** Days past the due date for an unpaid invoice, else empty. */
  public String daysOverdue(LocalDate due, String status, ZoneId zone) {
    if (due == null || !(status.equals("sent") || status.equals("partially_paid") || status.equals("overdue")
        || status.equals("in_collections") || status.equals("payment_detected") || status.equals("confirming"))) {
      return "";
    }
    long days = ChronoUnit.DAYS.between(due, LocalDate.now(zone == null ? ZoneId.of("UTC") : zone));
    return days > 0 ? String.valueOf(days) : "";
  }

  public String statusLabel(String wireName) {
    return wireName == null ? "" : wireName.replace('_', ' ');
  }
}
