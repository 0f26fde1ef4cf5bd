package com.deltaenergy.invoicing.workflows.payment;

/** The exchange's view of a deposit, reduced to what matters for counting it. */
public enum DepositStatus {
  /** Seen on chain, not yet credited by the exchange. */
  PENDING,
  /** Credited to the account. */
  CREDITED,
  /** Rejected, refunded or invalid: never counts. */
  FAILED
}
