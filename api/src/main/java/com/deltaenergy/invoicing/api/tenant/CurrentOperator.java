package com.deltaenergy.invoicing.api.tenant;

import com.deltaenergy.invoicing.api.security.CurrentCaller;
import org.springframework.stereotype.Component;

/** Who is acting, for the audit trail: the API key by name and id, or the console user by e-mail. */
@Component
public class CurrentOperator {

  private final CurrentCaller caller;

  public CurrentOperator(CurrentCaller caller) {
    this.caller = caller;
  }

  public String name() {
    return caller.get().actor();
  }
}
