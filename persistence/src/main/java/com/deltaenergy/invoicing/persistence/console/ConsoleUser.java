package com.deltaenergy.invoicing.persistence.console;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.time.Instant;

/** Someone who signs in to the operator console; the role means what an API key's scope does. */
public record ConsoleUser(
    long id,
    long tenantId,
    String email,
    String passwordHash,
    ApiScope role,
    String createdBy,
    Instant createdAt,
    Instant lastSignInAt,
    Instant disabledAt) {

  public boolean active() {
    return disabledAt == null;
  }
}
