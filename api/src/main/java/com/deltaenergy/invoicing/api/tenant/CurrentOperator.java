package com.deltaenergy.invoicing.api.tenant;

import org.springframework.stereotype.Component;

/** Who is acting, for the audit trail. Until API keys identify callers, it is "api". */
@Component
public class CurrentOperator {

  public String name() {
    return "api";
  }
}
