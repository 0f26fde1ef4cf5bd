package com.deltaenergy.invoicing.persistence.client;

import java.util.List;
import java.util.Optional;

/**
 * A company the tenant invoices.
 *
 * @param cfoEntity with {@code cfoBusinessUnit}, where the CFO ledger books this client's revenue;
 *     both null when the configured name-based mapping applies
 * @param country ISO 3166-1 alpha-2, or null: which tax ID format applies
 * @param dunningOffsetsDays the client's own dunning schedule (days from the due date, one per
 *     stage), or null for the tenant's
 * @param language what the client reads its e-mails, PDFs and pay page in: en, es or pt
 */
public record Client(
    long id,
    long tenantId,
    String name,
    String contactEmail,
    String address,
    String taxId,
    String cfoEntity,
    String cfoBusinessUnit,
    String country,
    List<Integer> dunningOffsetsDays,
    String language) {

  /** The client's own CFO classification, if it has one. */
  public Optional<CfoMapping> cfoMapping() {
    return cfoEntity == null ? Optional.empty() : Optional.of(new CfoMapping(cfoEntity, cfoBusinessUnit));
  }

  /** The CFO ledger entity and business unit of a client's revenue. */
  public record CfoMapping(String entity, String businessUnit) {}
}
