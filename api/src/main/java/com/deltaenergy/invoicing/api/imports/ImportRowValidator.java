package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.api.imports.CsvImportReader.CsvRow;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.JsonErrorDescriptions;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.imports.ImportRow;
import com.deltaenergy.invoicing.persistence.imports.ImportRow.RowError;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one CSV record into the create request it stands for and validates it exactly as
 * {@code POST /api/invoice/create} does (bean validation, then the service's rules); errors name
 * the CSV column. Holds the tenant's clients and the external references seen so far in this file.
 */
final class ImportRowValidator {

  private static final int MAX_REFERENCE = 200;

  private final Tenant tenant;
  private final InvoiceService invoices;
  private final Validator validator;
  private final ObjectMapper json;
  private final Map<Long, Client> byId = new HashMap<>();
  private final Map<String, List<Client>> byName = new HashMap<>();
  private final Map<String, List<Client>> byEmail = new HashMap<>();
  private final Map<String, Integer> references = new HashMap<>();

  ImportRowValidator(Tenant tenant, List<Client> clients, InvoiceService invoices, Validator validator, ObjectMapper json) {
    this.tenant = tenant;
    this.invoices = invoices;
    this.validator = validator;
    this.json = json;
    for (Client client : clients) {
      byId.put(client.id(), client);
      byName.computeIfAbsent(key(client.name()), k -> new ArrayList<>()).add(client);
      if (client.contactEmail() != null) {
        byEmail.computeIfAbsent(key(client.contactEmail()), k -> new ArrayList<>()).add(client);
      }
    }
  }

  ImportRow validate(CsvRow row, boolean draft) {
    List<RowError> errors = new ArrayList<>();
    if (row.cells().containsKey(CsvImportReader.ROW_PROBLEM)) {
      errors.add(new RowError(CsvImportReader.ROW_PROBLEM, row.cells().get(CsvImportReader.ROW_PROBLEM)));
    }
    String reference = row.get("external_reference");
    if (reference == null) {
      errors.add(new RowError("external_reference", "is required: it makes uploading the file again safe"));
    } else if (reference.length() > MAX_REFERENCE) {
      errors.add(new RowError("external_reference", "must be at most " + MAX_REFERENCE + " characters"));
    } else {
      Integer earlier = references.putIfAbsent(reference, row.rowNumber());
      if (earlier != null) {
        errors.add(new RowError("external_reference", "repeats row " + earlier));
      }
    }
    Client client = client(row.get("client"), errors);
    BigDecimal amount = decimal(row, "amount_usd", errors);
    BigDecimal quantity = decimal(row, "quantity", errors);
    BigDecimal unitPrice = decimal(row, "unit_price_usd", errors);
    BigDecimal taxRate = decimal(row, "tax_rate", errors);
    LocalDate dueDate = null;
    if (row.get("due_date") != null) {
      try {
        dueDate = LocalDate.parse(row.get("due_date"));
      } catch (DateTimeParseException e) {
        errors.add(new RowError("due_date", "must be a date such as 2030-10-15"));
      }
    }
    // Every error of the row at once: the ones found reading the cells, then the create
    // validation's for the fields those did not already refuse.
    List<CreateInvoiceRequest.LineItemRequest> lines =
        unitPrice == null
            ? null
            : List.of(new CreateInvoiceRequest.LineItemRequest(
                row.get("description"), quantity == null ? BigDecimal.ONE : quantity, unitPrice));
    CreateInvoiceRequest request =
        new CreateInvoiceRequest(
            client == null ? null : client.id(), amount, row.get("crypto_currency"), row.get("crypto_network"),
            row.get("billing_period"), dueDate, row.get("description"), lines, taxRate, row.get("tax_label"),
            row.get("notes"), draft ? Boolean.TRUE : null);
    Set<String> refused = new HashSet<>(errors.stream().map(RowError::field).toList());
    boolean beanValid = true;
    for (ConstraintViolation<CreateInvoiceRequest> violation : validator.validate(request)) {
      String column = column(JsonErrorDescriptions.jsonPath(violation.getPropertyPath().toString()));
      if (!refused.contains(column)) {
        beanValid = false;
        errors.add(new RowError(column, violation.getMessage()));
      }
    }
    // The business rules need the well-formed request (a due date to compare, for one).
    if (beanValid && dueDate != null) {
      try {
        NewInvoice invoice = invoices.validate(tenant, client, request);
        if (errors.isEmpty()) {
          ObjectNode stored = json.valueToTree(request);
          stored.remove("draft");
          return new ImportRow(row.rowNumber(), reference, invoice, stored.toString(), List.of());
        }
      } catch (InvalidRequestException e) {
        for (FieldProblem problem : e.problems()) {
          String column = column(problem.field());
          if (!refused.contains(column)) {
            errors.add(new RowError(column, problem.message()));
          }
        }
      }
    }
    return new ImportRow(row.rowNumber(), reference, null, null, sorted(errors));
  }

  /** A client by id, exact name or contact e-mail (case-insensitive); ambiguous is an error. */
  private Client client(String value, List<RowError> errors) {
    if (value == null) {
      errors.add(new RowError("client", "is required: the client's id, name or contact e-mail"));
      return null;
    }
    List<Client> found;
    if (value.chars().allMatch(Character::isDigit) && value.length() < 19) {
      Client client = byId.get(Long.parseLong(value));
      found = client == null ? List.of() : List.of(client);
    } else if (value.contains("@")) {
      found = byEmail.getOrDefault(key(value), List.of());
    } else {
      found = byName.getOrDefault(key(value), List.of());
    }
    if (found.isEmpty()) {
      errors.add(new RowError("client", "no client with the id, name or contact e-mail '" + value + "'"));
      return null;
    }
    if (found.size() > 1) {
      errors.add(new RowError("client", found.size() + " clients match '" + value + "'; use the client's id"));
      return null;
    }
    return found.get(0);
  }

  private static BigDecimal decimal(CsvRow row, String column, List<RowError> errors) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.add(new RowError(column, "must be a number such as 1234.56 (a point before the decimals)"));
      return null;
    }
  }

  /** The create request's field as the CSV column that fed it. */
  private static String column(String field) {
    return switch (field) {
      case "client_id" -> "client";
      case "tax_rate_percent" -> "tax_rate";
      case "line_items", "line_items[0].unit_price_usd" -> "unit_price_usd";
      case "line_items[0].quantity" -> "quantity";
      case "line_items[0].description" -> "description";
      default -> field;
    };
  }

  private static List<RowError> sorted(List<RowError> errors) {
    Set<String> seen = new HashSet<>();
    return errors.stream()
        .filter(e -> seen.add(e.field() + "\u0000" + e.reason()))
        .sorted(java.util.Comparator.comparing(RowError::field))
        .toList();
  }

  private static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
