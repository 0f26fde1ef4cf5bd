package com.deltaenergy.invoicing.sandbox.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sandbox's control endpoints (simulated deposits, confirmations, prices, faults, every
 * tenant's deposits) answer only requests from this machine, or requests carrying the admin key
 * ({@code X-Sandbox-Admin-Key}, when one is configured). Anyone else who reaches the port gets a
 * 403: paying an invoice with a simulated deposit must not be open to the network. A request
 * relayed by a proxy ({@code Forwarded}/{@code X-Forwarded-For}) is not from this machine, even
 * when the proxy is. The MEXC-compatible endpoints are not behind this filter: they are signed.
 */
public class SandboxControlAccessFilter extends OncePerRequestFilter {

  public static final String ADMIN_KEY_HEADER = "X-Sandbox-Admin-Key";

  private final byte[] adminKey;
  private final String mexcBase;

  public SandboxControlAccessFilter(String adminKey, String mexcBase) {
    this.adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.getBytes(StandardCharsets.UTF_8);
    this.mexcBase = mexcBase;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(mexcBase) || path.startsWith(mexcBase + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (fromThisMachine(request) || hasAdminKey(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"The sandbox's control"
            + " endpoints answer requests from this machine only, or with the " + ADMIN_KEY_HEADER + " header.\"}");
  }

  private static boolean fromThisMachine(HttpServletRequest request) {
    if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
      return false;
    }
    try {
      // a literal address from the connection: no name lookup
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  private boolean hasAdminKey(HttpServletRequest request) {
    String given = request.getHeader(ADMIN_KEY_HEADER);
    return adminKey != null && given != null
        && MessageDigest.isEqual(adminKey, given.getBytes(StandardCharsets.UTF_8));
  }
}
