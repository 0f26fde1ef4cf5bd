package com.deltaenergy.invoicing.activities.exchange;

import java.math.BigDecimal;

/** What every exchange's deposit-history record says about a deposit, whatever its field names. */
public interface ExchangeDepositRecord {

  String txId();

  /** The exchange's coin code, e.g. "USDT". */
  String coin();

  /** The exchange's network label or code. */
  String network();

  String address();

  BigDecimal amount();

  /** The exchange's own status number. */
  Integer status();

  /** When the exchange recorded it, in epoch milliseconds; null if it did not say. */
  Long insertTime();

  /** The memo or tag the deposit carried; null when none. */
  String memoOrTag();

  /** Confirmations so far; 0 when the exchange did not say. */
  int confirmations();
}
