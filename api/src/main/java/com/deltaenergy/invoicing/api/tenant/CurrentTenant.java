package com.deltaenergy.invoicing.api.tenant;

import org.springframework.stereotype.Component;

/** The tenant a request acts for. Until API keys carry a tenant, every request is the default's. */
@Component
public class CurrentTenant {

  public static final long DEFAULT_TENANT_ID = 1L;

  public long id() {
    return DEFAULT_TENANT_ID;
  }
}
