package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository.ConfiguredProvider;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's ordered list of exchange accounts: new invoices take their address from the first
 * healthy one. Secrets are stored encrypted and never returned; an empty list returns the tenant
 * to the environment's (its MEXC account, then Binance if configured).
 */
@RestController
@RequestMapping("/api/admin/tenant/exchange-providers")
public class ExchangeProvidersController {

  private static final Set<String> PROVIDERS = Set.of("mexc", "binance");

  private final ExchangeProviderRepository providers;
  private final CurrentTenant tenant;

  public ExchangeProvidersController(ExchangeProviderRepository providers, CurrentTenant tenant) {
    this.providers = providers;
    this.tenant = tenant;
  }

  public record ProviderEntry(String provider, String apiKey, String apiSecret) {}

  public record ProvidersRequest(
      @NotNull(message = "is required") @Size(max = 5, message = "must list at most 5 providers") List<ProviderEntry> providers) {}

  /** One configured provider; the key is shown by its last four characters, the secret never. */
  public record ProviderView(int position, String provider, String apiKeyEnd, boolean apiSecretSet) {}

  public record ProvidersResponse(List<ProviderView> providers) {}

  @GetMapping
  ProvidersResponse list() {
    return view(providers.forTenant(tenant.id()));
  }

  @PutMapping
  ProvidersResponse replace(@Valid @RequestBody ProvidersRequest body) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<ConfiguredProvider> list = new ArrayList<>();
    for (int i = 0; i < body.providers().size(); i++) {
      ProviderEntry entry = body.providers().get(i);
      String at = "providers[" + i + "].";
      if (entry == null) {
        problems.add(new FieldProblem("providers[" + i + "]", "is required"));
        continue;
      }
      String provider = entry.provider() == null ? null : entry.provider().trim().toLowerCase();
      if (provider == null || !PROVIDERS.contains(provider)) {
        problems.add(new FieldProblem(at + "provider", "must be mexc or binance"));
      } else if (!seen.add(provider)) {
        problems.add(new FieldProblem(at + "provider", "is listed twice"));
      }
      if (entry.apiKey() == null || entry.apiKey().isBlank() || entry.apiKey().length() > 256) {
        problems.add(new FieldProblem(at + "api_key", "is required (at most 256 characters)"));
      }
      if (entry.apiSecret() == null || entry.apiSecret().isBlank() || entry.apiSecret().length() > 512) {
        problems.add(new FieldProblem(at + "api_secret", "is required (at most 512 characters)"));
      }
      if (problems.isEmpty()) {
        list.add(new ConfiguredProvider(i + 1, provider, entry.apiKey().trim(), Secret.of(entry.apiSecret().trim())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    providers.replace(tenant.id(), list);
    return list();
  }

  private static ProvidersResponse view(List<ConfiguredProvider> configured) {
    return new ProvidersResponse(
        configured.stream()
            .map(p -> new ProviderView(
                p.position(), p.provider(),
                p.apiKey().length() <= 4 ? "****" : "…" + p.apiKey().substring(p.apiKey().length() - 4), true))
            .toList());
  }
}
