package com.deltaenergy.invoicing.api.problem;

/** The resource is in a state that does not allow the request; answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
