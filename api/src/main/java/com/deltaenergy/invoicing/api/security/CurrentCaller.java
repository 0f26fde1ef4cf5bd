package com.deltaenergy.invoicing.api.security;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The caller of the request being served, as the authentication filter found it. */
@Component
public class CurrentCaller {

  public Caller get() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object caller = request == null ? null : request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller instanceof Caller known) {
      return known;
    }
    // Only reachable if a protected path escaped the filter: fail closed.
    throw new IllegalStateException("no authenticated caller for this request");
  }
}
