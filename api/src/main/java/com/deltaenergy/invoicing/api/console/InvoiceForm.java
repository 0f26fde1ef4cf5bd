package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest.LineItemRequest;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * The invoice form (console/new-invoice.html) as the new-invoice page and the drafts' edit page
 * share it: the fields read into the REST API's {@link CreateInvoiceRequest} with its bean
 * validation, errors keyed by the API's field names, and the page shown again with what was entered.
 */
@Component
public class InvoiceForm {

  static final int LINE_ROWS = 3;
  private static final List<String> FIELDS = List.of(
      "client_id", "pair", "amount_usd", "tax_rate_percent", "billing_period", "due_date", "description", "notes",
      "idempotency_key");

  private final ClientRepository clients;
  private final CurrentTenant tenant;
  private final Validator validator;

  InvoiceForm(ClientRepository clients, CurrentTenant tenant, Validator validator) {
    this.clients = clients;
    this.tenant = tenant;
    this.validator = validator;
  }

  /** A coin on a network, as one choice: only valid pairs are offered. */
  public record Pair(String value, String label) {}

  /** The form's single-valued fields as entered ("" for a missing one). */
  public static Map<String, String> values(MultiValueMap<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      values.put(name, first(params, name));
    }
    return values;
  }

  /** The line item rows as entered: description, quantity, unit price. */
  public static List<String[]> lines(MultiValueMap<String, String> params) {
    List<String[]> lines = new ArrayList<>();
    List<String> descriptions = params.getOrDefault("line_description", List.of());
    List<String> quantities = params.getOrDefault("line_quantity", List.of());
    List<String> prices = params.getOrDefault("line_unit_price", List.of());
    for (int i = 0; i < Math.min(LINE_ROWS * 10, descriptions.size()); i++) {
      lines.add(new String[] {descriptions.get(i), at(quantities, i), at(prices, i)});
    }
    return lines;
  }

  /**
   * The create request the form's fields make, validated as the API validates its body; problems
   * go into {@code errors} under the API's field names.
   */
  public CreateInvoiceRequest request(
      Map<String, String> values, List<String[]> lines, boolean draft, Map<String, String> errors) {
    List<LineItemRequest> items = new ArrayList<>();
    for (String[] line : lines) {
      if (line[0].isBlank() && line[1].isBlank() && line[2].isBlank()) {
        continue;
      }
      int index = items.size();
      items.add(new LineItemRequest(line[0].isBlank() ? null : line[0],
          number(line[1], "line_items[" + index + "].quantity", errors),
          number(line[2], "line_items[" + index + "].unit_price_usd", errors)));
    }
    String[] pair = values.get("pair").split(":", 2);
    Long clientId = null;
    if (!values.get("client_id").isBlank()) {
      try {
        clientId = Long.valueOf(values.get("client_id"));
      } catch (NumberFormatException e) {
        errors.put("client_id", "choose a client");
      }
    }
    LocalDate due = null;
    if (!values.get("due_date").isBlank()) {
      try {
        due = LocalDate.parse(values.get("due_date"));
      } catch (DateTimeParseException e) {
        errors.put("due_date", "must be a date (YYYY-MM-DD)");
      }
    }
    CreateInvoiceRequest request = new CreateInvoiceRequest(
        clientId,
        number(values.get("amount_usd"), "amount_usd", errors),
        blankToNull(pair[0]),
        pair.length > 1 ? blankToNull(pair[1]) : null,
        blankToNull(values.get("billing_period")),
        due,
        blankToNull(values.get("description")),
        items.isEmpty() ? null : items,
        number(values.get("tax_rate_percent"), "tax_rate_percent", errors),
        null,
        blankToNull(values.get("notes")),
        draft ? Boolean.TRUE : null);
    for (ConstraintViolation<CreateInvoiceRequest> violation : validator.validate(request)) {
      errors.putIfAbsent(snake(violation.getPropertyPath().toString()), violation.getMessage());
    }
    return request;
  }

  /** Puts what the form page shows into the model; the caller adds its own title and actions. */
  public String show(Model model, Map<String, String> values, List<String[]> lines, Map<String, String> errors) {
    List<String[]> rows = new ArrayList<>(lines);
    while (rows.size() < LINE_ROWS) {
      rows.add(new String[] {"", "", ""});
    }
    model.addAttribute("values", values);
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    model.addAttribute("clients", clients.findAll(tenant.id()));
    model.addAttribute("pairs", Arrays.stream(PaymentNetwork.values())
        .map(n -> new Pair(n.currency().name() + ":" + n.name(), n.currency().name() + " on " + n.displayName()))
        .toList());
    if (!model.containsAttribute("section")) {
      model.addAttribute("section", "new");
    }
    return "console/new-invoice";
  }

  static BigDecimal number(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      errors.put(field, "must be a number");
      return null;
    }
  }

  static String first(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value;
  }

  private static String at(List<String> values, int index) {
    return index < values.size() && values.get(index) != null ? values.get(index) : "";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** clientId → client_id, lineItems[0].unitPriceUsd → line_items[0].unit_price_usd: the API's names. */
  static String snake(String path) {
    return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
