package com.deltaenergy.invoicing.sandbox.mexc;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the MEXC endpoints: counts calls, enforces MEXC's per-endpoint rate limit (429 with
 * Retry-After), and injects the faults set through the control API (errors, latency).
 */
public class SandboxTrafficFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The error body both exchanges answer with: their code and a message. */
  record ErrorBody(int code, String msg) {}

  private final SandboxTraffic traffic;
  private final SandboxProperties properties;

  public SandboxTrafficFilter(SandboxTraffic traffic, SandboxProperties properties) {
    this.traffic = traffic;
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String endpoint = request.getMethod() + " " + request.getRequestURI();
    if (!traffic.admit(endpoint)) {
      long retryAfter = Math.max(1, properties.rateLimitWindow().toSeconds());
      write(response, 429, binance(request) ? -1003 : 429, "Too Many Requests", retryAfter);
      return;
    }
    SandboxTraffic.Faults faults = traffic.faults();
    if (!faults.appliesTo(request.getRequestURI())) {
      faults = SandboxTraffic.Faults.NONE;
    }
    if (faults.latencyMs() > 0) {
      try {
        Thread.sleep(faults.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (faults.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < faults.errorRate()) {
      traffic.recordInjectedFault(endpoint);
      write(response, faults.status(), binance(request) ? (faults.status() == 429 ? -1003 : -1001) : faults.status(), "Injected sandbox fault",
          faults.retryAfterSeconds());
      return;
    }
    chain.doFilter(request, response);
  }

  /** Binance's endpoints answer with Binance's negative error codes. */
  private static boolean binance(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/sandbox/binance/");
  }

  private static void write(
      HttpServletResponse response, int status, int code, String message, long retryAfterSeconds)
      throws IOException {
    response.setStatus(status);
    if ((status == 429 || status == 418) && retryAfterSeconds > 0) {
      response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
    response.setContentType("application/json");
    response.getWriter().write(JSON.writeValueAsString(new ErrorBody(code, message)));
  }
}
