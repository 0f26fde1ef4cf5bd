package com.deltaenergy.invoicing.persistence.cfo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An invoice's row in {@code crypto_invoice_cfo_sync}: the ledger row that books it and how it was
 * classified.
 *
 * @param retryCount attempts that failed with a transient error
 */
public record CfoSyncMapping(
    long invoiceId,
    Long cfoTransactionId,
    CfoSyncStatus syncStatus,
    Instant syncTimestamp,
    String entityMapped,
    String businessUnitMapped,
    String categoryMapped,
    String subcategoryMapped,
    BigDecimal confidenceScore,
    String syncError,
    int retryCount,
    Instant createdAt,
    Instant updatedAt) {

  public boolean synced() {
    return syncStatus == CfoSyncStatus.SYNCED;
  }
}
