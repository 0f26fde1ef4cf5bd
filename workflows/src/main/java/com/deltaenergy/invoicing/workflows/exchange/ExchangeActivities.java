package com.deltaenergy.invoicing.workflows.exchange;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import io.temporal.activity.ActivityInterface;

/** Everything the invoice workflow asks of the exchange. */
@ActivityInterface(namePrefix = "Exchange.")
public interface ExchangeActivities {

  /**
   * The invoice's deposit address, generated on the exchange the first time and stored before it
   * is returned: a retried call returns the same address.
   */
  DepositAddress allocateDepositAddress(long invoiceId);

  /** Locks the rate and crypto amount of the invoice once; a retried call returns the same quote. */
  Quote lockQuote(long invoiceId);

  /**
   * {@link #allocateDepositAddress} and {@link #lockQuote} in one activity, as issuing needs both;
   * idempotent as they are.
   */
  default AddressAndQuote addressAndQuote(long invoiceId) {
    return new AddressAndQuote(allocateDepositAddress(invoiceId), lockQuote(invoiceId));
  }

  /** The invoice's deposit address and locked quote. */
  record AddressAndQuote(DepositAddress address, Quote quote) {}

  /**
   * Replaces the quote locked at {@code previousLockedAt} with one at today's rate; a retried call
   * returns the replacement.
   */
  Quote requote(long invoiceId, java.time.Instant previousLockedAt);

  /**
   * Deposits of a coin with this transaction id (on any of its networks) that reached the account
   * since the given instant, for manual verification.
   */
  java.util.List<com.deltaenergy.invoicing.workflows.payment.ObservedDeposit> findDeposits(
      CryptoCurrency coin, String txId, java.time.Instant since);

  /**
   * Deposits with this transaction id that reached the exchange account the invoice is paid into
   * (its tenant's own, or the environment's) since the given instant, for manual verification.
   */
  java.util.List<com.deltaenergy.invoicing.workflows.payment.ObservedDeposit> findInvoiceDeposits(
      long invoiceId, String txId, java.time.Instant since);

  /** The USD price of a coin on a network right now (USDT is 1:1 unless configured otherwise). */
  PriceQuote currentPrice(CryptoCurrency currency, PaymentNetwork network);

  /** A live check of the exchange: reachable, credentials, permissions, clock skew, latency. */
  ExchangeCheck checkExchange();
}
