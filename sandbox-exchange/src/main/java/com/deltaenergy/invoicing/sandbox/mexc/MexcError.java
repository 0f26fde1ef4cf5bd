package com.deltaenergy.invoicing.sandbox.mexc;

/** An error the sandbox answers the way MEXC does: an HTTP status and {"code":…,"msg":…}. */
public class MexcError extends RuntimeException {

  private final int httpStatus;
  private final int code;

  public MexcError(int httpStatus, int code, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  static MexcError badRequest(int code, String message) {
    return new MexcError(400, code, message);
  }

  static MexcError invalidParameter(String detail) {
    return badRequest(730002, "Your input param is invalid: " + detail);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int code() {
    return code;
  }
}
