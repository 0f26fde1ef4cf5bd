package com.deltaenergy.invoicing.api.client;

import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A client as created or replaced (PUT replaces every field; one left out becomes empty). A blank
 * optional field counts as absent.
 *
 * @param cfoEntity with {@code cfoBusinessUnit}, where the CFO ledger books the client's revenue;
 *     both or neither. Without them the configured name-based table applies.
 */
public record ClientRequest(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 320) String contactEmail,
    @Size(max = 2000) String address,
    @Size(max = 64) String taxId,
    @Schema(description = "The CFO ledger entity of the client's revenue; with cfo_business_unit, or neither")
        @Size(max = 255) String cfoEntity,
    @Schema(description = "The CFO ledger business unit of the client's revenue; with cfo_entity, or neither")
        @Size(max = 255) String cfoBusinessUnit) {

  /** The fields to store: trimmed, blanks as null, the CFO mapping complete or absent. */
  public ClientFields fields() {
    String entity = optional(cfoEntity);
    String businessUnit = optional(cfoBusinessUnit);
    if ((entity == null) != (businessUnit == null)) {
      String missing = entity == null ? "cfo_entity" : "cfo_business_unit";
      throw new InvalidRequestException(
          List.of(new FieldProblem(missing, "is required with " + (entity == null ? "cfo_business_unit" : "cfo_entity"))));
    }
    return new ClientFields(name.trim(), optional(contactEmail), optional(address), optional(taxId), entity, businessUnit);
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
