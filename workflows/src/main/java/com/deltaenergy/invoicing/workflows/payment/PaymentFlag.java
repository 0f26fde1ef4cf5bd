package com.deltaenergy.invoicing.workflows.payment;

/** Why a deposit to an invoice's address does not count towards it; an operator looks at each. */
public enum PaymentFlag {
  /** Same coin on another network (e.g. USDT on BEP20 sent to an ERC20 invoice). */
  WRONG_NETWORK,
  /** Another coin than the invoice asks for. */
  WRONG_COIN,
  /** The memo/tag differs from the one the invoice asked for. */
  WRONG_MEMO,
  /** The exchange rejected, refunded or did not credit it (e.g. below its minimum). */
  NOT_CREDITED,
  /** Arrived after the invoice was cancelled. */
  AFTER_CANCEL,
  /** Arrived after the invoice was booked complete. */
  AFTER_COMPLETION
}
