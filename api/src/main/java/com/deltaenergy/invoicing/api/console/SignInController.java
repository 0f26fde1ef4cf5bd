package com.deltaenergy.invoicing.api.console;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's form login takes the POST. */
@Controller
class SignInController {

  @GetMapping("/login")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(name = "signed-out", required = false) String signedOut,
      HttpSession session,
      Model model) {
    if (error != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      // Only our own messages (wrong password, locked); never an internal one.
      model.addAttribute("error",
          failure instanceof org.springframework.security.authentication.LockedException locked
              ? locked.getMessage()
              : "Wrong e-mail or password.");
      session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
    model.addAttribute("signedOut", signedOut != null);
    return "console/login";
  }
}
