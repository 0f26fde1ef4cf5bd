package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.security.Caller;
import com.deltaenergy.invoicing.persistence.console.ConsoleUser;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the signed-in console user the request's {@link Caller}, so that the services the REST API
 * uses see the same tenant and the same audit name. The user is looked up again on every request
 * (one indexed read): a disabled user's sessions end at their next click, on every API process.
 * Registered in the console's security chain only, not as a servlet filter of its own.
 */
@Component
class ConsoleCallerFilter extends OncePerRequestFilter {

  private final ConsoleUserRepository users;

  ConsoleCallerFilter(ConsoleUserRepository users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof ConsoleUserPrincipal principal) {
      Optional<ConsoleUser> user = users.findById(principal.id()).filter(ConsoleUser::active);
      if (user.isEmpty() || user.get().role() != principal.role() || user.get().tenantId() != principal.tenantId()) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?signed-out");
        return;
      }
      Caller.consoleUser(principal.tenantId(), principal.id(), principal.email(), principal.role()).attachTo(request);
    }
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
