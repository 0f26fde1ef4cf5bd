package com.deltaenergy.invoicing.api.web;

import java.io.IOException;

/** A request body went past the limit while it was read; answered with 413. */
public class PayloadTooLargeException extends IOException {

  private final long limitBytes;

  public PayloadTooLargeException(long limitBytes) {
    super("the request body is larger than " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
