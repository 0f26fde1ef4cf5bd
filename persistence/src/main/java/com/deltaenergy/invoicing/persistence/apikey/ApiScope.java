package com.deltaenergy.invoicing.persistence.apikey;

import java.util.Locale;

/** What a key may do; each scope includes the ones before it. */
public enum ApiScope {
  /** Read invoices, clients, documents and figures. */
  READ,
  /** Also create invoices and clients and act on invoices. */
  WRITE,
  /** Also manage the tenant's API keys and settings (and, for the default tenant, all tenants). */
  ADMIN;

  public boolean includes(ApiScope required) {
    return compareTo(required) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ApiScope fromWire(String value) {
    for (ApiScope scope : values()) {
      if (scope.wireName().equals(value)) {
        return scope;
      }
    }
    throw new IllegalArgumentException("scope must be one of read, write, admin, not " + value);
  }
}
