package com.deltaenergy.invoicing.workflows.payment;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deposit the exchange reports for an address, as the invoice workflow sees it.
 *
 * @param coin the coin the exchange credited, or null for a coin this system does not invoice in
 * @param network our network, or null when the exchange's label maps to none of ours
 * @param exchangeNetwork the exchange's own network label
 * @param rawRecord the exchange's record verbatim (JSON), kept with the payment
 */
public record ObservedDeposit(
    String txId,
    CryptoCurrency coin,
    String coinCode,
    PaymentNetwork network,
    String exchangeNetwork,
    String address,
    String memo,
    BigDecimal amount,
    int confirmations,
    DepositStatus status,
    Instant insertedAt,
    String rawRecord) {

  /** Identity of a deposit: a tx hash is unique per network, not across networks. */
  public String key() {
    return (network == null ? exchangeNetwork : network.name()) + ":" + txId;
  }
}
