package com.deltaenergy.invoicing.api.pay;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pay pages' response headers. The Content-Security-Policy allows only this origin's scripts,
 * styles and images (no inline script or style, no eval), XHR to this origin for htmx, and no
 * framing; the token in the URL is never sent on as a Referer.
 */
public class PaySecurityHeadersFilter extends OncePerRequestFilter {

  /** When the request reached the pay page's filters (System.nanoTime), for Server-Timing. */
  static final String STARTED = PaySecurityHeadersFilter.class.getName() + ".started";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    request.setAttribute(STARTED, System.nanoTime());
    chain.doFilter(request, response);
  }
}
