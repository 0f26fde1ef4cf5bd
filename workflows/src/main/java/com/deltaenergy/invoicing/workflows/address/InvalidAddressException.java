package com.deltaenergy.invoicing.workflows.address;

/** Why a string is not a well-formed address; the message is the short, human-readable reason. */
final class InvalidAddressException extends Exception {

  InvalidAddressException(String reason) {
    // Rejecting an address is an expected outcome of validation, not a bug: no stack trace.
    super(reason, null, false, false);
  }
}
