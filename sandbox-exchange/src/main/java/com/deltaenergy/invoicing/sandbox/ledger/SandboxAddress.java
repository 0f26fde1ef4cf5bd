package com.deltaenergy.invoicing.sandbox.ledger;

import java.time.Instant;

/**
 * A deposit address the sandbox handed out for a coin on a network (MEXC label).
 *
 * @param venue which emulated exchange account issued it: null or "mexc" (one address per
 *     request) or "binance" (one shared address per coin and network)
 */
public record SandboxAddress(String coin, String network, String address, String memo, Instant createdAt, String venue) {

  public static final String MEXC = "mexc";
  public static final String BINANCE = "binance";

  /** The venue, with addresses recorded before venues existed counted as MEXC's. */
  public String venueOrMexc() {
    return venue == null ? MEXC : venue;
  }
}
