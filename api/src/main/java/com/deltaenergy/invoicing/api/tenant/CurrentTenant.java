package com.deltaenergy.invoicing.api.tenant;

import com.deltaenergy.invoicing.api.security.Caller;
import com.deltaenergy.invoicing.api.security.CurrentCaller;
import org.springframework.stereotype.Component;

/** The tenant a request acts for: its API key's. Every query the API makes filters by it. */
@Component
public class CurrentTenant {

  private final CurrentCaller caller;

  public CurrentTenant(CurrentCaller caller) {
    this.caller = caller;
  }

  public long id() {
    return caller.get().tenantId();
  }

  public Caller caller() {
    return caller.get();
  }
}
