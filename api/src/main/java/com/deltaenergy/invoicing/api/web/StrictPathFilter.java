package com.deltaenergy.invoicing.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400, a request path that would otherwise be read as another one: matrix
 * parameters ({@code /api/clients/1;DROP} is client 1 to Spring's matcher), control characters,
 * encoded dots, slashes or percent signs, and paths that are not normalised ({@code //},
 * {@code /./}, {@code /../}). The same kinds of path Spring Security's StrictHttpFirewall refuses;
 * this filter runs first, so the answer is the API's problem+json whether or not a firewall is
 * installed (one that throws is answered the same way by {@code ProblemErrorController}).
 */
public class StrictPathFilter extends OncePerRequestFilter {

  static final String MESSAGE = "the request path is not allowed (matrix parameters, control characters or an unnormalised path)";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!allowed(request.getRequestURI())) {
      // answered by the error page (ProblemErrorController) as problem+json
      response.sendError(HttpStatus.BAD_REQUEST.value(), MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The raw (undecoded) path, as the client sent it. */
  static boolean allowed(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return true;
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == ';' || c == '\\' || Character.isISOControl(c)) {
        return false;
      }
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (int at = lower.indexOf('%'); at >= 0; at = lower.indexOf('%', at + 1)) {
      if (at + 2 >= lower.length()) {
        return false;
      }
      int code = Integer.parseInt(lower.substring(at + 1, at + 3).replaceAll("[^0-9a-f]", "0"), 16);
      // control characters, '%', '.', '/', ';', '\'
      if (code < 0x20 || code == 0x7f || code == '%' || code == '.' || code == '/' || code == ';' || code == '\\') {
        return false;
      }
    }
    return !(lower.contains("//") || lower.contains("/./") || lower.contains("/../")
        || lower.endsWith("/.") || lower.endsWith("/.."));
  }
}
