package com.deltaenergy.invoicing.workflows.cfo;

import java.time.Instant;

/**
 * Where booking the paid invoice in the CFO ledger stands.
 *
 * @param attempts attempts made in the current round (a manual retry starts a new round)
 */
public record CfoSyncState(
    Status status, int attempts, String lastError, Long cfoTransactionId, Instant syncedAt) {

  public enum Status {
    NOT_STARTED,
    SYNCING,
    SYNCED,
    FAILED
  }

  public static final CfoSyncState NOT_STARTED = new CfoSyncState(Status.NOT_STARTED, 0, null, null, null);
}
