package com.deltaenergy.invoicing.api.problem;

/** The resource does not exist for the caller; answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " was not found");
  }
}
