package com.deltaenergy.invoicing.activities.cfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a paid invoice is classified in the CFO ledger ({@code invoicing.cfo.mapping.*}). The
 * defaults are the seed's tables; a configured list replaces the default one as a whole.
 *
 * <pre>
 * invoicing.cfo.mapping.clients[0].client=Alps Blockchain
 * invoicing.cfo.mapping.clients[0].entity=Delta Mining Paraguay S.A.
 * invoicing.cfo.mapping.clients[0].business-unit=Paraguay Mining
 * invoicing.cfo.mapping.other-clients=Other
 * invoicing.cfo.mapping.subcategories[0].keyword=hosting
 * invoicing.cfo.mapping.subcategories[0].subcategory=Client Hosting Revenue
 * invoicing.cfo.mapping.default-subcategory=Client Services Revenue
 * </pre>
 *
 * @param clients client name (case-insensitive) → CFO entity and business unit
 * @param otherClients the entry of {@code clients} that applies to a client not listed
 * @param subcategories keyword → revenue subcategory; the first keyword found in the invoice's
 *     billing period or description (case-insensitive) wins
 * @param defaultSubcategory the subcategory when no keyword is found
 */
@ConfigurationProperties("invoicing.cfo.mapping")
public record CfoMappingProperties(
    List<ClientMapping> clients,
    @DefaultValue("Other") String otherClients,
    List<SubcategoryRule> subcategories,
    @DefaultValue("Client Services Revenue") String defaultSubcategory) {

  public record ClientMapping(String client, String entity, String businessUnit) {}

  public record SubcategoryRule(String keyword, String subcategory) {}

  private static final String DELTA_MINING_PARAGUAY = "Delta Mining Paraguay S.A.";

  static final List<ClientMapping> SEED_CLIENTS =
      List.of(
          new ClientMapping("Alps Blockchain", DELTA_MINING_PARAGUAY, "Paraguay Mining"),
          new ClientMapping("Exos Capital", DELTA_MINING_PARAGUAY, "Paraguay Hosting"),
          new ClientMapping("GM Data Centers", DELTA_MINING_PARAGUAY, "Paraguay Colocation"),
          new ClientMapping("Other", DELTA_MINING_PARAGUAY, "Paraguay Operations"));

  static final List<SubcategoryRule> SEED_SUBCATEGORIES =
      List.of(
          new SubcategoryRule("hosting", "Client Hosting Revenue"),
          new SubcategoryRule("mining", "Mining Revenue"),
          new SubcategoryRule("colocation", "Colocation Revenue"),
          new SubcategoryRule("validator", "Validator Revenue"),
          new SubcategoryRule("platform", "Platform Fees"));

  public CfoMappingProperties {
    clients = clients == null || clients.isEmpty() ? SEED_CLIENTS : List.copyOf(clients);
    subcategories =
        subcategories == null || subcategories.isEmpty() ? SEED_SUBCATEGORIES : List.copyOf(subcategories);
    for (ClientMapping mapping : clients) {
      if (blank(mapping.client()) || blank(mapping.entity()) || blank(mapping.businessUnit())) {
        throw new IllegalArgumentException(
            "invoicing.cfo.mapping.clients: every entry needs client, entity and business-unit: " + mapping);
      }
    }
    for (SubcategoryRule rule : subcategories) {
      if (blank(rule.keyword()) || blank(rule.subcategory())) {
        throw new IllegalArgumentException(
            "invoicing.cfo.mapping.subcategories: every entry needs keyword and subcategory: " + rule);
      }
    }
    String fallback = otherClients;
    if (clients.stream().noneMatch(mapping -> mapping.client().equalsIgnoreCase(fallback))) {
      throw new IllegalArgumentException(
          "invoicing.cfo.mapping.clients has no entry for other-clients '" + otherClients + "'");
    }
  }

  /** The entity and business unit of the client's revenue. */
  public ClientMapping forClient(String clientName) {
    return find(clientName).orElseGet(() -> find(otherClients).orElseThrow());
  }

  /** The revenue subcategory of an invoice with this billing period and description. */
  public String subcategoryOf(String billingPeriod, String description) {
    String text = (billingPeriod + " " + description).toLowerCase(Locale.ROOT);
    return subcategories.stream()
        .filter(rule -> text.contains(rule.keyword().toLowerCase(Locale.ROOT)))
        .map(SubcategoryRule::subcategory)
        .findFirst()
        .orElse(defaultSubcategory);
  }

  private Optional<ClientMapping> find(String clientName) {
    String name = clientName == null ? "" : clientName.trim();
    return clients.stream().filter(mapping -> mapping.client().equalsIgnoreCase(name)).findFirst();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
