package com.deltaenergy.invoicing.persistence.cfo;

import java.util.Arrays;

/** Where booking an invoice in the CFO ledger stands, as stored in {@code sync_status}. */
public enum CfoSyncStatus {
  /** Paid, not tried yet. */
  PENDING,
  /** Booked: the mapping names the ledger row. */
  SYNCED,
  /** Given up: validation or schema error, or every retry failed. Waits for an operator. */
  FAILED,
  /** The last attempt failed with a transient error; another one is scheduled. */
  RETRY;

  public String wireName() {
    return name().toLowerCase();
  }

  public static CfoSyncStatus fromWireName(String wireName) {
    return Arrays.stream(values())
        .filter(status -> status.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown CFO sync status '" + wireName + "'"));
  }
}
