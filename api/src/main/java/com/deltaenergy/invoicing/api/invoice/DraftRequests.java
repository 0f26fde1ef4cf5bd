package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.JsonErrorDescriptions;
import com.deltaenergy.invoicing.api.web.StrictJsonRequestConverter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A draft's create request as stored JSON: written when the draft is made, changed by a JSON merge
 * patch (RFC 7396) and read back, with the same strict parsing and bean validation as a create.
 */
@Component
class DraftRequests {

  private final ObjectMapper json;
  private final ObjectMapper strict;
  private final Validator validator;

  DraftRequests(ObjectMapper json, Validator validator) {
    this.json = json;
    this.strict = StrictJsonRequestConverter.strict(json.copy());
    this.validator = validator;
  }

  /** The request as stored with the draft (without the {@code draft} flag itself). */
  String stored(CreateInvoiceRequest request) {
    ObjectNode tree = json.valueToTree(request);
    tree.remove("draft");
    return tree.toString();
  }

  /** The stored request read back and validated as a create request is. */
  CreateInvoiceRequest read(String stored) {
    try {
      return validated(strict.readValue(stored, CreateInvoiceRequest.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored draft request cannot be read", e);
    }
  }

  /** The stored request with the patch merged in, parsed and validated as a create request. */
  CreateInvoiceRequest patched(String stored, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw new InvalidRequestException("body", "must be a JSON object of the fields to change");
    }
    if (patch.has("draft")) {
      throw new InvalidRequestException("draft", "cannot be changed; POST /api/invoice/{id}/send issues the draft");
    }
    try {
      JsonNode merged = merge(json.readTree(stored), patch);
      return validated(strict.treeToValue(merged, CreateInvoiceRequest.class));
    } catch (JsonMappingException e) {
      throw new InvalidRequestException(
          JsonErrorDescriptions.path(e), "has an invalid value: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored draft request cannot be read", e);
    }
  }

  private CreateInvoiceRequest validated(CreateInvoiceRequest request) {
    Set<ConstraintViolation<CreateInvoiceRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      List<FieldProblem> problems =
          violations.stream()
              .map(v -> new FieldProblem(JsonErrorDescriptions.jsonPath(v.getPropertyPath().toString()), v.getMessage()))
              .sorted(Comparator.comparing(FieldProblem::field))
              .toList();
      throw new InvalidRequestException(problems);
    }
    return request;
  }

  /** RFC 7396: null removes a field, an object merges, anything else replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : ((ObjectNode) patch).objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
