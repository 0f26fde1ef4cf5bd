package com.deltaenergy.invoicing.api.admin;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.security.Caller;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.secret.SecretCipher;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantChanges;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import jakarta.validation.Valid;
import com.deltaenergy.invoicing.persistence.outbound.OutboundTargets;
import com.deltaenergy.invoicing.persistence.outbound.RefusedTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tenants and their settings (admin scope). Each admin reads and changes its own tenant at
 * {@code /api/admin/tenant}; an admin of the default tenant also creates and manages the others.
 * Another tenant, to anyone else, does not exist (404).
 */
@RestController
@RequestMapping("/api/admin")
public class TenantController {

  private final TenantRepository tenants;
  private final ApiKeyRepository keys;
  private final SecretCipher cipher;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;
  private final OutboundTargets targets;

  public TenantController(
      TenantRepository tenants,
      ApiKeyRepository keys,
      SecretCipher cipher,
      CurrentTenant tenant,
      CurrentOperator operator,
      OutboundTargets targets) {
    this.targets = targets;
    this.tenants = tenants;
    this.keys = keys;
    this.cipher = cipher;
    this.tenant = tenant;
    this.operator = operator;
  }

  @GetMapping("/tenant")
  TenantResponse own() {
    return get(tenant.id());
  }

  @PutMapping("/tenant")
  public TenantResponse updateOwn(@Valid @RequestBody TenantRequest request) {
    return update(tenant.id(), request);
  }

  @GetMapping("/tenants")
  List<TenantResponse> list() {
    Caller caller = tenant.caller();
    return tenants.findAll().stream()
        .filter(t -> caller.platformAdmin() || t.id() == caller.tenantId())
        .map(TenantResponse::of)
        .toList();
  }

  @GetMapping("/tenants/{id}")
  TenantResponse get(@PathVariable long id) {
    return TenantResponse.of(visible(id));
  }

  @PutMapping("/tenants/{id}")
  TenantResponse update(@PathVariable long id, @Valid @RequestBody TenantRequest request) {
    visible(id);
    return tenants.update(id, changes(request)).map(TenantResponse::of).orElseThrow(() -> new NotFoundException("tenant", id));
  }

  /** A new tenant and its first admin key (shown once). Only the default tenant's admins. */
  @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource's URL", schema = @Schema(type = "string")))
  @ErrorResponses(HttpStatus.CONFLICT)
  @PostMapping("/tenants")
  @Transactional
  ResponseEntity<TenantResponse.Created> create(@Valid @RequestBody NewTenantRequest request) {
    if (!tenant.caller().platformAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin of the default tenant creates tenants");
    }
    ZoneId zone = zone(request.timeZone() == null ? "America/Asuncion" : request.timeZone(), "time_zone");
    Tenant created;
    try {
      created = tenants.create(request.slug(), request.name().strip(), request.invoicePrefix(), zone);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a tenant with this slug or invoice prefix exists already");
    }
    if (request.settings() != null) {
      created = tenants.update(created.id(), changes(request.settings())).orElseThrow();
    }
    IssuedApiKey admin = keys.issue(created.id(), "first admin", ApiScope.ADMIN, operator.name());
    return ResponseEntity.created(URI.create("/api/admin/tenants/" + created.id()))
        .body(
            new TenantResponse.Created(
                TenantResponse.of(created),
                new ApiKeyController.CreatedApiKeyResponse(ApiKeyController.ApiKeyResponse.of(admin.key()), admin.plaintext())));
  }

  private Tenant visible(long id) {
    Caller caller = tenant.caller();
    if (id != caller.tenantId() && !caller.platformAdmin()) {
      throw new NotFoundException("tenant", id);
    }
    return tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
  }

  private TenantChanges changes(TenantRequest r) {
    List<FieldProblem> problems = new ArrayList<>();
    if (r.timeZone() != null && !r.timeZone().isBlank()) {
      try {
        ZoneId.of(r.timeZone());
      } catch (DateTimeException e) {
        problems.add(new FieldProblem("time_zone", "must be a time zone such as America/Asuncion"));
      }
    }
    if (r.logoPath() != null) {
      problems.add(
          new FieldProblem("logo_path", "is not accepted: a path on the server is not a tenant setting; upload the logo"
              + " with PUT /api/admin/tenant/logo"));
    }
    if (r.timeZone() != null && r.timeZone().isBlank()) {
      problems.add(new FieldProblem("time_zone", "cannot be cleared"));
    }
    if (r.name() != null && r.name().isBlank()) {
      problems.add(new FieldProblem("name", "cannot be cleared"));
    }
    if (r.dunningOffsetsDays() != null && !r.dunningOffsetsDays().isEmpty()) {
      String problem = DunningSchedule.problem(r.dunningOffsetsDays());
      if (problem != null) {
        problems.add(new FieldProblem("dunning_offsets_days", problem));
      }
    }
    if (r.smtpHost() != null && !r.smtpHost().isBlank()) {
      refusal(r.smtpHost().strip()).ifPresent(reason -> problems.add(new FieldProblem("smtp_host", reason)));
    }
    if (r.webhookUrls() != null) {
      for (int i = 0; i < r.webhookUrls().size(); i++) {
        String field = "webhook_urls[" + i + "]";
        String host = hostOf(r.webhookUrls().get(i));
        if (host == null) {
          problems.add(new FieldProblem(field, "must be an http(s) URL with a host name"));
        } else {
          refusal(host).ifPresent(reason -> problems.add(new FieldProblem(field, reason)));
        }
      }
    }
    boolean storesSecret =
        present(r.mexcApiSecret()) || present(r.smtpPassword()) || present(r.webhookSecret());
    if (storesSecret && !cipher.canEncrypt()) {
      problems.add(new FieldProblem(null, "secrets cannot be stored: the server has no ENCRYPTION_KEY"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new TenantChanges(
        r.name(), r.timeZone(), r.issuerAddress(), r.issuerTaxId(), r.issuerEmail(), r.brandColor(),
        r.mexcApiKey(), secret(r.mexcApiSecret()), r.smtpHost(), r.smtpPort(), r.smtpUsername(),
        secret(r.smtpPassword()), r.smtpFrom(), r.smtpStarttls(), r.smtpSsl(), r.operationsEmails(), r.webhookUrls(),
        secret(r.webhookSecret()), r.dunningOffsetsDays());
  }

  /**
   * Why the server will not connect to this host a tenant names, if it will not. A name that does
   * not resolve now is accepted: it is checked again at each delivery, like every name.
   */
  private Optional<String> refusal(String host) {
    try {
      targets.check(host);
      return Optional.empty();
    } catch (RefusedTargetException e) {
      return Optional.of("is refused: " + e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url.strip()).getHost();
      return host == null || host.isBlank() ? null : host;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  private static Secret secret(String value) {
    return value == null ? null : Secret.of(value);
  }

  private static ZoneId zone(String value, String field) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new InvalidRequestException(field, "must be a time zone such as America/Asuncion");
    }
  }
}
