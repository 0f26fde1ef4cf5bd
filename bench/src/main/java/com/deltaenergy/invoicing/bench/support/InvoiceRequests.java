package com.deltaenergy.invoicing.bench.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Create-invoice bodies the way operators send them: the seed's clients, every payable coin and
 * network in turn, amounts between 100 and 20,000 USD, due in 30 days.
 */
public final class InvoiceRequests {

  /** A coin and one of its networks, as the API names them. */
  public record Payable(String currency, String network) {}

  public static final List<Payable> ALL =
      List.of(
          new Payable("USDT", "TRC20"),
          new Payable("BTC", "BTC"),
          new Payable("USDT", "ERC20"),
          new Payable("TAO", "TAO"),
          new Payable("USDT", "BEP20"));

  private static final List<String> DESCRIPTIONS =
      List.of(
          "Bitcoin Mining Colocation Services",
          "Hosting and power, 2 MW block",
          "Immersion cooling maintenance",
          "GPU hosting, 64 nodes");

  private InvoiceRequests() {}

  /** The n-th body: coins rotate with n so every run covers all of them alike. */
  public static Map<String, Object> nth(long n) {
    Payable payable = ALL.get((int) (n % ALL.size()));
    return body(payable, n);
  }

  public static Map<String, Object> body(Payable payable, long n) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    BigDecimal amount = BigDecimal.valueOf(random.nextLong(10_000, 2_000_000)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", 1 + (n % 3));
    body.put("amount_usd", amount);
    body.put("crypto_currency", payable.currency());
    body.put("crypto_network", payable.network());
    body.put("billing_period", "Benchmark run, invoice " + n);
    body.put("due_date", LocalDate.now().plusDays(30).toString());
    body.put("description", DESCRIPTIONS.get((int) (n % DESCRIPTIONS.size())));
    return body;
  }
}
