package com.deltaenergy.invoicing.activities.cfo;

/** The invoice cannot be booked as it stands: retrying will not change that. */
public class CfoValidationException extends RuntimeException {

  public CfoValidationException(String message) {
    super(message);
  }
}
