package com.deltaenergy.invoicing.api.client;

import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client as created or replaced (PUT replaces every field; one left out becomes empty). A blank
 * optional field counts as absent.
 *
 * @param cfoEntity with {@code cfoBusinessUnit}, where the CFO ledger books the client's revenue;
 *     both or neither. Without them the configured name-based table applies.
 * @param country ISO 3166-1 alpha-2; the tax ID is checked against its format (RUC, CPF/CNPJ, EU
 *     VAT, EIN), or, for other countries and none, as a short printable identifier
 * @param dunningOffsetsDays the client's own five reminder days (from the due date, increasing);
 *     absent: the tenant's schedule
 * @param language en, es or pt; absent is en
 */
public record ClientRequest(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 320) String contactEmail,
    @Size(max = 2000) String address,
    @Size(max = 64) String taxId,
    @Schema(description = "ISO 3166-1 alpha-2 country code, e.g. PY, BR, DE, US: selects the tax ID check")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code like PY") String country,
    @Schema(description = "The client's own dunning schedule: five increasing day offsets from the due date; absent: the tenant's")
        @Size(max = 10, message = "must list at most 10 offsets") List<Integer> dunningOffsetsDays,
    @Schema(description = "The CFO ledger entity of the client's revenue; with cfo_business_unit, or neither")
        @Size(max = 255) String cfoEntity,
    @Schema(description = "The CFO ledger business unit of the client's revenue; with cfo_entity, or neither")
        @Size(max = 255) String cfoBusinessUnit,
    @Schema(description = "The language of the client's e-mails, PDFs and pay page; default en",
            allowableValues = {"en", "es", "pt"})
        @Pattern(regexp = "en|es|pt", message = "must be one of en, es, pt") String language) {

  /**
   * The fields to store: trimmed, blanks as null, the CFO mapping complete or absent, the tax ID
   * valid for the country, the dunning schedule a valid one.
   */
  public ClientFields fields() {
    List<FieldProblem> problems = new ArrayList<>();
    String entity = optional(cfoEntity);
    String businessUnit = optional(cfoBusinessUnit);
    if ((entity == null) != (businessUnit == null)) {
      String missing = entity == null ? "cfo_entity" : "cfo_business_unit";
      problems.add(new FieldProblem(missing, "is required with " + (entity == null ? "cfo_business_unit" : "cfo_entity")));
    }
    String countryCode = optional(country) == null ? null : country.trim().toUpperCase(Locale.ROOT);
    if (countryCode != null && !Set.of(Locale.getISOCountries()).contains(countryCode)) {
      problems.add(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 country code like PY"));
      countryCode = null;
    }
    String tax = optional(taxId);
    String taxProblem = TaxIds.problem(countryCode, tax);
    if (taxProblem != null) {
      problems.add(new FieldProblem("tax_id", taxProblem + (countryCode == null ? "" : " (country " + countryCode + ")")));
    }
    List<Integer> offsets = dunningOffsetsDays == null || dunningOffsetsDays.isEmpty() ? null : dunningOffsetsDays;
    if (offsets != null) {
      String schedule = DunningSchedule.problem(offsets);
      if (schedule != null) {
        problems.add(new FieldProblem("dunning_offsets_days", schedule));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new ClientFields(
        name.trim(), optional(contactEmail), optional(address), tax, entity, businessUnit, countryCode, offsets, language);
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
