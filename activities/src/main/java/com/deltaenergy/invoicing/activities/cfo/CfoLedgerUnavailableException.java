package com.deltaenergy.invoicing.activities.cfo;

/** The ledger could not be prepared for booking; a later attempt may succeed. */
public class CfoLedgerUnavailableException extends RuntimeException {

  public CfoLedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
