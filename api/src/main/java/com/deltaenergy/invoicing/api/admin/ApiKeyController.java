package com.deltaenergy.invoicing.api.admin;

import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.security.Caller;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of the caller's tenant (admin scope). An admin of the default tenant may name another
 * tenant with {@code tenant_id}; anyone else naming another tenant gets 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/admin/api-keys")
public class ApiKeyController {

  public record CreateApiKeyRequest(
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
      @NotNull(message = "is required")
          @Pattern(regexp = "read|write|admin", message = "must be one of read, write, admin")
          String scope,
      Long tenantId) {}

  public record ApiKeyResponse(
      long id, long tenantId, String name, String prefix, String scope, String createdBy, Instant createdAt,
      Instant lastUsedAt, Instant revokedAt, boolean active) {
    static ApiKeyResponse of(ApiKey key) {
      return new ApiKeyResponse(
          key.id(), key.tenantId(), key.name(), key.prefix(), key.scope().wireName(), key.createdBy(),
          key.createdAt(), key.lastUsedAt(), key.revokedAt(), key.active());
    }
  }

  /** The one response that carries a key's plaintext; it cannot be shown again. */
  public record CreatedApiKeyResponse(ApiKeyResponse apiKey, String key) {}

  private final ApiKeyRepository keys;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;
  private final Clock clock;

  public ApiKeyController(
      ApiKeyRepository keys, TenantRepository tenants, CurrentTenant tenant, CurrentOperator operator, Clock clock) {
    this.keys = keys;
    this.tenants = tenants;
    this.tenant = tenant;
    this.operator = operator;
    this.clock = clock;
  }

  @ErrorResponses(HttpStatus.NOT_FOUND)
  @GetMapping
  List<ApiKeyResponse> list(@RequestParam(name = "tenant_id", required = false) Long tenantId) {
    return keys.findAll(target(tenantId)).stream().map(ApiKeyResponse::of).toList();
  }

  @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource's URL", schema = @Schema(type = "string")))
  @ErrorResponses(HttpStatus.NOT_FOUND)
  @PostMapping
  ResponseEntity<CreatedApiKeyResponse> create(@Valid @RequestBody CreateApiKeyRequest request) {
    long owner = target(request.tenantId());
    IssuedApiKey issued = keys.issue(owner, request.name().strip(), ApiScope.fromWire(request.scope()), operator.name());
    return ResponseEntity.created(URI.create("/api/admin/api-keys/" + issued.key().id()))
        .body(new CreatedApiKeyResponse(ApiKeyResponse.of(issued.key()), issued.plaintext()));
  }

  @GetMapping("/{id}")
  ApiKeyResponse get(@PathVariable long id, @RequestParam(name = "tenant_id", required = false) Long tenantId) {
    return keys.findById(target(tenantId), id).map(ApiKeyResponse::of).orElseThrow(() -> new NotFoundException("API key", id));
  }

  /** Revokes the key at once; revoking a revoked key changes nothing. */
  @DeleteMapping("/{id}")
  ApiKeyResponse revoke(@PathVariable long id, @RequestParam(name = "tenant_id", required = false) Long tenantId) {
    return keys.revoke(target(tenantId), id, clock.instant())
        .map(ApiKeyResponse::of)
        .orElseThrow(() -> new NotFoundException("API key", id));
  }

  /** The tenant acted on: the caller's, or the named one for the platform admin. */
  private long target(Long requested) {
    Caller caller = tenant.caller();
    if (requested == null || requested == caller.tenantId()) {
      return caller.tenantId();
    }
    if (!caller.platformAdmin() || tenants.findById(requested).isEmpty()) {
      throw new NotFoundException("tenant", requested);
    }
    return requested;
  }
}
