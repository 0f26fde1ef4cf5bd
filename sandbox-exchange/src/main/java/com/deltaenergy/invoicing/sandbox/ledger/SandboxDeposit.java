package com.deltaenergy.invoicing.sandbox.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A deposit the sandbox pretends arrived on chain. Its confirmations grow with time from
 * {@code confirmationsSince}, unless pinned by the control API.
 */
public record SandboxDeposit(
    String txId,
    String coin,
    String network,
    String address,
    String memo,
    BigDecimal amount,
    Instant insertTime,
    int confirmationsAtPin,
    Instant confirmationsSince,
    boolean growing) {

  public int confirmations(Instant now, Duration interval) {
    if (!growing || interval.isZero() || now.isBefore(confirmationsSince)) {
      return confirmationsAtPin;
    }
    long grown = Duration.between(confirmationsSince, now).toMillis() / interval.toMillis();
    return (int) Math.min(Integer.MAX_VALUE, confirmationsAtPin + grown);
  }

  public SandboxDeposit pinnedAt(int confirmations, Instant now) {
    return new SandboxDeposit(
        txId, coin, network, address, memo, amount, insertTime, confirmations, now, false);
  }
}
