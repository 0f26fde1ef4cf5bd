package com.deltaenergy.invoicing.workflows.payment;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Which deposits count for an invoice and whether they pay it. A deposit counts only if coin,
 * network, address and (where the invoice has one) memo match and the exchange has not rejected
 * it; counted amounts add up across deposits; a payment within the tolerance pays the invoice and
 * any excess beyond it is reported, never dropped.
 */
public final class PaymentRules {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PaymentRules() {}

  /** How an invoice first records a deposit the exchange reported for its address. */
  public static Payment classify(
      ObservedDeposit deposit,
      CryptoCurrency coin,
      PaymentNetwork network,
      String memo,
      boolean cancelled,
      Instant now) {
    PaymentFlag flag = null;
    if (cancelled) {
      flag = PaymentFlag.AFTER_CANCEL;
    } else if (deposit.coin() != coin) {
      flag = PaymentFlag.WRONG_COIN;
    } else if (deposit.network() != network) {
      flag = PaymentFlag.WRONG_NETWORK;
    } else if (memo != null && !memo.equals(deposit.memo())) {
      flag = PaymentFlag.WRONG_MEMO;
    } else if (deposit.status() == DepositStatus.FAILED) {
      flag = PaymentFlag.NOT_CREDITED;
    }
    return new Payment(
        deposit.txId(), deposit.coin(), deposit.coinCode(), deposit.network(),
        deposit.exchangeNetwork(), deposit.amount(), deposit.confirmations(), deposit.status(),
        deposit.insertedAt(), now, flag == null, flag, false, deposit.rawRecord());
  }

  public static PaymentAssessment assess(
      Collection<Payment> payments, BigDecimal amountDue, PaymentPolicy policy, CryptoCurrency coin) {
    BigDecimal confirmed = BigDecimal.ZERO;
    BigDecimal pending = BigDecimal.ZERO;
    for (Payment payment : payments) {
      if (!payment.counts()) {
        continue;
      }
      if (payment.confirmed(policy.confirmationsRequired())) {
        confirmed = confirmed.add(payment.amount());
      } else {
        pending = pending.add(payment.amount());
      }
    }
    BigDecimal tolerance = policy.tolerancePercent().divide(HUNDRED);
    int scale = coin.decimals();
    BigDecimal lower = amountDue.multiply(BigDecimal.ONE.subtract(tolerance)).setScale(scale, RoundingMode.CEILING);
    BigDecimal upper = amountDue.multiply(BigDecimal.ONE.add(tolerance)).setScale(scale, RoundingMode.FLOOR);
    boolean paid = confirmed.compareTo(lower) >= 0;
    boolean overpaid = confirmed.compareTo(upper) > 0;
    BigDecimal excess = confirmed.subtract(amountDue).max(BigDecimal.ZERO).setScale(scale, RoundingMode.UNNECESSARY);
    BigDecimal remaining = amountDue.subtract(confirmed).max(BigDecimal.ZERO).setScale(scale, RoundingMode.UNNECESSARY);
    return new PaymentAssessment(
        confirmed.setScale(scale, RoundingMode.UNNECESSARY),
        pending.setScale(scale, RoundingMode.UNNECESSARY),
        excess, remaining, paid, overpaid, pending.signum() > 0);
  }

  /** Whether two addresses are the same: EVM addresses ignore case (EIP-55 case is a checksum). */
  public static boolean sameAddress(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = a.trim();
    String y = b.trim();
    return x.startsWith("0x") || x.startsWith("0X") ? x.equalsIgnoreCase(y) : x.equals(y);
  }

  /**
   * When the invoice was paid in the client's terms: the arrival of the last counted deposit that
   * was needed, or now for deposits whose arrival the exchange did not report.
   */
  public static Instant paidAt(Collection<Payment> payments, int confirmationsRequired, Instant now) {
    return payments.stream()
        .filter(p -> p.confirmed(confirmationsRequired))
        .map(p -> Objects.requireNonNullElse(p.insertedAt(), now))
        .max(Instant::compareTo)
        .orElse(now);
  }
}
