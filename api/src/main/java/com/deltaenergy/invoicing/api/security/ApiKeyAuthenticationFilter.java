package com.deltaenergy.invoicing.api.security;

import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request to /api and /actuator (but health) carries an API key, as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. No key or an unknown or revoked
 * one: 401; a key whose scope is too low: 403; both as problem+json. The key's tenant is the only
 * tenant the request can see (see {@code CurrentTenant}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";

  private final ApiKeyRepository keys;
  private final ObjectMapper json;
  private final Clock clock;

  public ApiKeyAuthenticationFilter(ApiKeyRepository keys, ObjectMapper json, Clock clock) {
    this.keys = keys;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return RequiredScope.of(request.getMethod(), path(request)).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiScope required = RequiredScope.of(request.getMethod(), path(request)).orElseThrow();
    Optional<String> presented = presentedKey(request);
    if (presented.isEmpty()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "API key required",
          "send the key as 'Authorization: Bearer <key>' or '" + API_KEY_HEADER + ": <key>'");
      return;
    }
    Optional<ApiKey> key = keys.findByPlaintext(presented.get()).filter(ApiKey::active);
    if (key.isEmpty()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "Invalid API key", "the API key is unknown or revoked");
      return;
    }
    if (!key.get().scope().includes(required)) {
      refuse(request, response, HttpStatus.FORBIDDEN, "Insufficient scope",
          "this needs a key with scope '" + required.wireName() + "'; this key has '"
              + key.get().scope().wireName() + "'");
      return;
    }
    Caller caller = Caller.of(key.get());
    if (RequiredScope.platformOnly(request.getMethod(), path(request)) && !caller.platformAdmin()) {
      refuse(request, response, HttpStatus.FORBIDDEN, "Forbidden", "only an admin of the default tenant creates tenants");
      return;
    }
    keys.touch(key.get().id(), clock.instant());
    request.setAttribute(Caller.ATTRIBUTE, caller);
    chain.doFilter(request, response);
  }

  private static Optional<String> presentedKey(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).strip();
      if (!token.isEmpty()) {
        return Optional.of(token);
      }
    }
    String header = request.getHeader(API_KEY_HEADER);
    return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.strip());
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(path(request)));
    response.setStatus(status.value());
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The decoded, normalised path the servlet container routes by (so "/x/../api" is "/api"). */
  private static String path(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
