package com.deltaenergy.invoicing.workflows.exchange;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the exchange account.
 *
 * @param clockSkewMillis exchange time minus our time; requests are corrected by it
 * @param permissions what the credentials can do, e.g. "deposit-history", "deposit-address"
 * @param problems human-readable reasons when something is wrong; empty when all is well
 */
public record ExchangeCheck(
    String provider,
    String baseUrl,
    boolean reachable,
    boolean credentialsValid,
    List<String> permissions,
    long clockSkewMillis,
    long latencyMillis,
    Instant checkedAt,
    List<String> problems) {

  public boolean healthy() {
    return reachable && credentialsValid && problems.isEmpty();
  }
}
