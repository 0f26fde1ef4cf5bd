package com.deltaenergy.invoicing.persistence.apikey;

import java.time.Instant;

/** A stored API key: never the key itself, only its prefix (to recognise it) and its hash. */
public record ApiKey(
    long id,
    long tenantId,
    String name,
    String prefix,
    ApiScope scope,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
