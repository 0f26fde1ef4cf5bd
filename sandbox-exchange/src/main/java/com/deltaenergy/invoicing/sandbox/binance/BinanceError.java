package com.deltaenergy.invoicing.sandbox.binance;

/** An error the sandbox answers the way Binance does: an HTTP status and {"code":-…,"msg":…}. */
public class BinanceError extends RuntimeException {

  private final int httpStatus;
  private final int code;

  public BinanceError(int httpStatus, int code, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  static BinanceError badRequest(int code, String message) {
    return new BinanceError(400, code, message);
  }

  static BinanceError mandatory(String name) {
    return badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
  }

  static BinanceError illegal(String detail) {
    return badRequest(-1100, "Illegal characters found in parameter; " + detail);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int code() {
    return code;
  }
}
