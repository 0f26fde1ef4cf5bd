package com.deltaenergy.invoicing.api.security;

import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a request: an API key (or a console user), its tenant and what it may do.
 *
 * @param actor how the audit trail names the caller: {@code api-key:<name>#<id>} or
 *     {@code console:<email>}
 */
public record Caller(long tenantId, long keyId, String keyName, ApiScope scope, String actor) {

  static final String ATTRIBUTE = Caller.class.getName();

  static Caller of(ApiKey key) {
    return new Caller(key.tenantId(), key.id(), key.name(), key.scope(), "api-key:" + key.name() + "#" + key.id());
  }

  /** A user signed in to the console acts with their role as scope, for their tenant only. */
  public static Caller consoleUser(long tenantId, long userId, String email, ApiScope role) {
    return new Caller(tenantId, userId, email, role, "console:" + email);
  }

  /** Makes this the caller of the request, as the API key filter does for keys. */
  public void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /** An admin of the default tenant administers every tenant. */
  public boolean platformAdmin() {
    return tenantId == Tenant.DEFAULT_TENANT_ID && scope == ApiScope.ADMIN;
  }
}
