package com.deltaenergy.invoicing.persistence.tenant;

import java.time.ZoneId;

/**
 * An issuing company. Every piece of tenant data carries its id. Its secrets are not here: they
 * are read, decrypted, only by the code that uses them ({@link TenantRepository#credentials}).
 */
public record Tenant(
    long id, String slug, String name, String invoicePrefix, ZoneId timeZone, TenantSettings settings) {

  /** The tenant that exists from the first start; it administers the others. */
  public static final long DEFAULT_TENANT_ID = 1L;

  public boolean isDefault() {
    return id == DEFAULT_TENANT_ID;
  }
}
