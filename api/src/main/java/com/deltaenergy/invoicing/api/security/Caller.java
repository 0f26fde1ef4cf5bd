package com.deltaenergy.invoicing.api.security;

import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;

/** Who made a request: the API key, its tenant and what it may do. */
public record Caller(long tenantId, long keyId, String keyName, ApiScope scope) {

  static final String ATTRIBUTE = Caller.class.getName();

  static Caller of(ApiKey key) {
    return new Caller(key.tenantId(), key.id(), key.name(), key.scope());
  }

  /** An admin of the default tenant administers every tenant. */
  public boolean platformAdmin() {
    return tenantId == Tenant.DEFAULT_TENANT_ID && scope == ApiScope.ADMIN;
  }
}
