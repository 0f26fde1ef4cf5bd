package com.deltaenergy.invoicing.api.security;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.util.Optional;

/** Which requests need a key, and which scope: the whole policy in one place. */
final class RequiredScope {

  private RequiredScope() {}

  /** Empty when the path is public: health checks, the OpenAPI document and its UI. */
  static Optional<ApiScope> of(String method, String path) {
    if (isPublic(path)) {
      return Optional.empty();
    }
    if (path.startsWith("/api/admin/") || path.equals("/api/admin")) {
      return Optional.of(ApiScope.ADMIN);
    }
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> Optional.of(ApiScope.READ);
      default -> Optional.of(ApiScope.WRITE);
    };
  }

  /** Creating tenants is for admins of the default tenant only; checked before the body is read. */
  static boolean platformOnly(String method, String path) {
    return method.equals("POST") && (path.equals("/api/admin/tenants") || path.equals("/api/admin/tenants/"));
  }

  static boolean protectedPath(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
  }

  private static boolean isPublic(String path) {
    return !protectedPath(path)
        || path.equals("/actuator/health")
        || path.startsWith("/actuator/health/")
        || isOpenApi(path);
  }

  /**
   * The OpenAPI document and Swagger UI (springdoc's default paths). Outside /api they are public
   * anyway; named here so that moving them under a protected prefix cannot lock clients out.
   */
  static boolean isOpenApi(String path) {
    return path.equals("/v3/api-docs")
        || path.startsWith("/v3/api-docs/")
        || path.equals("/v3/api-docs.yaml")
        || path.equals("/swagger-ui.html")
        || path.startsWith("/swagger-ui/");
  }
}
