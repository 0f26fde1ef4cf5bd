package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An exchange account that receives invoice payments. MEXC and Binance implement it. Failures are {@link ExchangeException}s.
 */
public interface ExchangeProvider {

  String name();

  /** Where requests go, for diagnostics. */
  String endpoint();

  /** A new deposit address on the given network. */
  DepositAddress newDepositAddress(PaymentNetwork network);

  /**
   * Whether every invoice on a network gets the same address (Binance: one per coin and network
   * on an account). Invoices on a shared address are told apart by amount; see
   * docs/SHARED_ADDRESSES.md.
   */
  default boolean sharesDepositAddresses() {
    return false;
  }

  /** Deposits of a coin inserted in [from, to], newest first; longer periods are split as needed. */
  List<ObservedDeposit> deposits(CryptoCurrency coin, Instant from, Instant to);

  /** The last traded price of the coin against USDT. */
  BigDecimal usdtPrice(CryptoCurrency coin);

  /** The exchange's own description of one of our networks (label, minimum confirmations). */
  ExchangeNetwork network(PaymentNetwork network);

  /** A live check: reachable, credentials, permissions, clock skew, latency, networks. */
  ExchangeCheck check();
}
