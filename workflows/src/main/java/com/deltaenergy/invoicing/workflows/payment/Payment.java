package com.deltaenergy.invoicing.workflows.payment;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deposit to an invoice's address as the invoice tracks it.
 *
 * @param counts whether it counts towards the amount due; when false, {@code flag} says why
 * @param manual added through manual TxID verification rather than found by the scanner
 * @param firstSeenAt when this invoice first saw it
 */
public record Payment(
    String txId,
    CryptoCurrency coin,
    String coinCode,
    PaymentNetwork network,
    String exchangeNetwork,
    BigDecimal amount,
    int confirmations,
    DepositStatus depositStatus,
    Instant insertedAt,
    Instant firstSeenAt,
    boolean counts,
    PaymentFlag flag,
    boolean manual,
    String rawRecord) {

  public String key() {
    return (network == null ? exchangeNetwork : network.name()) + ":" + txId;
  }

  public boolean confirmed(int required) {
    return counts && confirmations >= required && depositStatus != DepositStatus.FAILED;
  }

  /** The same deposit as now observed: live confirmations and status, first sighting kept. */
  public Payment updatedBy(ObservedDeposit observed) {
    return new Payment(
        txId, coin, coinCode, network, exchangeNetwork, amount,
        Math.max(confirmations, observed.confirmations()), observed.status(), insertedAt,
        firstSeenAt, counts && observed.status() != DepositStatus.FAILED,
        observed.status() == DepositStatus.FAILED && flag == null ? PaymentFlag.NOT_CREDITED : flag,
        manual, observed.rawRecord());
  }

  public Payment asManual() {
    return new Payment(
        txId, coin, coinCode, network, exchangeNetwork, amount, confirmations, depositStatus,
        insertedAt, firstSeenAt, counts, flag, true, rawRecord);
  }
}
