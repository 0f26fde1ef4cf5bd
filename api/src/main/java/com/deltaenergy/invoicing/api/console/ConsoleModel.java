package com.deltaenergy.invoicing.api.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is signed in (for the menu and which actions to offer). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

  @ModelAttribute("me")
  ConsoleUserPrincipal me() {
    return current();
  }

  static ConsoleUserPrincipal current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof ConsoleUserPrincipal principal
        ? principal
        : null;
  }
}
