package com.deltaenergy.invoicing.workflows.payment;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which invoice a deposit to a shared address (Binance: one address per coin and network on an
 * account) belongs to. Open invoices on one shared address have pairwise different amounts (see
 * docs/SHARED_ADDRESSES.md); a deposit belongs to the one open invoice on its network whose amount
 * it equals exactly and which was issued before it arrived. Anything else — no such invoice, or
 * (should the uniqueness ever be broken) more than one — is attributed to no invoice and left to
 * an operator. The rule never guesses: no tolerance, no "closest amount".
 */
public final class SharedAddressAttribution {

  private SharedAddressAttribution() {}

  /** An open invoice on the shared address. */
  public record Candidate(long invoiceId, PaymentNetwork network, BigDecimal amount, Instant issuedAt) {}

  /** Why a deposit was attributed to no invoice. */
  public enum Reason {
    /** No open invoice on the deposit's network asks for exactly this amount. */
    NO_EXACT_AMOUNT,
    /** More than one open invoice asks for this amount: refusing to choose. */
    AMBIGUOUS
  }

  public record Unattributed(ObservedDeposit deposit, Reason reason) {}

  /**
   * @param attributed each invoice's deposits (every candidate has an entry, possibly empty)
   * @param unattributed deposits for an operator
   */
  public record Outcome(Map<Long, List<ObservedDeposit>> attributed, List<Unattributed> unattributed) {

    public List<ObservedDeposit> of(long invoiceId) {
      return attributed.getOrDefault(invoiceId, List.of());
    }
  }

  /**
   * The amount a new invoice on a shared address asks for: its quoted amount, raised by the coin's
   * smallest unit until no other invoice on the address holds it. Raised, never lowered: the
   * client pays at most a few smallest units more than the quote, never less.
   */
  public static BigDecimal uniqueAmount(BigDecimal quoted, java.util.Set<BigDecimal> inUse, int decimals) {
    BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
    BigDecimal amount = quoted.setScale(decimals, java.math.RoundingMode.UNNECESSARY);
    java.util.Set<BigDecimal> taken = new java.util.HashSet<>();
    inUse.forEach(a -> taken.add(a.stripTrailingZeros()));
    while (taken.contains(amount.stripTrailingZeros())) {
      amount = amount.add(unit);
    }
    return amount;
  }

  public static Outcome attribute(List<ObservedDeposit> deposits, List<Candidate> openInvoices) {
    Map<Long, List<ObservedDeposit>> attributed = new LinkedHashMap<>();
    openInvoices.forEach(c -> attributed.put(c.invoiceId(), new ArrayList<>()));
    List<Unattributed> unattributed = new ArrayList<>();
    for (ObservedDeposit deposit : deposits) {
      List<Candidate> fitting =
          openInvoices.stream()
              .filter(c -> c.network() == deposit.network())
              .filter(c -> c.amount() != null && deposit.amount() != null && c.amount().compareTo(deposit.amount()) == 0)
              .filter(c -> c.issuedAt() == null || deposit.insertedAt() == null || !deposit.insertedAt().isBefore(c.issuedAt()))
              .toList();
      if (fitting.size() == 1) {
        attributed.get(fitting.get(0).invoiceId()).add(deposit);
      } else {
        unattributed.add(new Unattributed(deposit, fitting.isEmpty() ? Reason.NO_EXACT_AMOUNT : Reason.AMBIGUOUS));
      }
    }
    return new Outcome(attributed, unattributed);
  }
}
