package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.exchange.ExchangeInquiries;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow.ExchangeDiagnosticsRequest;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import java.math.RoundingMode;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest.LineItemRequest;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.invoice.PaymentNetwork;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The new-invoice form. It builds the REST API's {@link CreateInvoiceRequest} and hands it to the
 * same {@link InvoiceService} under an idempotency key made when the form was shown, so a double
 * click creates one invoice; its field errors are the API's, keyed by the API's field names.
 */
@Controller
class NewInvoiceController {

  static final int LINE_ROWS = 3;
  static final int DEFAULT_DUE_DAYS = 15;

  private final InvoiceService invoices;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final Validator validator;
  private final Clock clock;
  private final ExchangeInquiries inquiries;
  private final ClientsController clientsPage;

  NewInvoiceController(
      InvoiceService invoices, ClientRepository clients, TenantRepository tenants, CurrentTenant tenant,
      Validator validator, Clock clock, ExchangeInquiries inquiries, ClientsController clientsPage) {
    this.clientsPage = clientsPage;
    this.inquiries = inquiries;
    this.invoices = invoices;
    this.clients = clients;
    this.tenants = tenants;
    this.tenant = tenant;
    this.validator = validator;
    this.clock = clock;
  }

  /** A coin on a network, as one choice: only valid pairs are offered. */
  public record Pair(String value, String label) {}

  @GetMapping("/invoices/new")
  String form(Model model) {
    LocalDate today = LocalDate.now(clock.withZone(tenants.findById(tenant.id()).orElseThrow().timeZone()));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("due_date", today.plusDays(DEFAULT_DUE_DAYS).toString());
    values.put("pair", "USDT:TRC20");
    values.put("idempotency_key", UUID.randomUUID().toString());
    return show(model, values, List.of(), Map.of());
  }

  /**
   * The crypto amount the USD amount comes to at the exchange's current price, for the form (htmx,
   * debounced). The invoice's own rate is locked by its workflow when it is issued.
   */
  @GetMapping("/invoices/new/preview")
  String preview(@RequestParam(name = "amount_usd", defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String pair, Model model) {
    String text = "";
    BigDecimal usd = number(amount, "amount_usd", new LinkedHashMap<>());
    PaymentNetwork network = Arrays.stream(PaymentNetwork.values())
        .filter(n -> (n.currency().name() + ":" + n.name()).equals(pair)).findFirst().orElse(null);
    if (usd != null && usd.signum() > 0 && network != null) {
      try {
        PriceQuote quote = inquiries
            .ask(new ExchangeDiagnosticsRequest(ExchangeDiagnosticsRequest.Kind.PRICE, network.currency(), network))
            .price();
        BigDecimal crypto = usd.divide(quote.usdPrice(), network.currency().decimals(), RoundingMode.HALF_UP);
        text = "≈ " + crypto.stripTrailingZeros().toPlainString() + " " + network.currency().name() + " at "
            + quote.usdPrice().stripTrailingZeros().toPlainString() + " USD (" + quote.source() + ")";
      } catch (ExchangeInquiries.InquiryFailedException unavailable) {
        text = "No current price: " + unavailable.getMessage();
      }
    }
    model.addAttribute("preview", text);
    return "console/new-invoice :: preview";
  }

  @PostMapping("/invoices")
  String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    Map<String, String> values = values(params);
    List<String[]> lines = lines(params);
    Map<String, String> errors = new LinkedHashMap<>();
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
        null);
    for (ConstraintViolation<CreateInvoiceRequest> violation : validator.validate(request)) {
      errors.putIfAbsent(snake(violation.getPropertyPath().toString()), violation.getMessage());
    }
    if (errors.isEmpty()) {
      try {
        InvoiceService.Creation created = invoices.create(tenant.id(), values.get("idempotency_key"), request);
        return "redirect:/invoices/" + created.invoice().id();
      } catch (InvalidRequestException invalid) {
        for (FieldProblem problem : invalid.problems()) {
          errors.putIfAbsent(problem.field() == null ? "form" : problem.field(), problem.message());
        }
      } catch (ConflictException conflict) {
        errors.put("form", conflict.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return show(model, values, lines, errors);
  }

  /**
   * "New client" on the form: creates the client through the clients page's own path (the API's
   * validation) and shows the form again with everything entered kept and the new client chosen.
   */
  @PostMapping("/invoices/new/client")
  String addClient(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    Map<String, String> values = values(params);
    values.put("new_client_name", first(params, "new_client_name"));
    values.put("new_client_contact_email", first(params, "new_client_contact_email"));
    Map<String, String> clientErrors = new LinkedHashMap<>();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", values.get("new_client_name"));
    form.put("contact_email", values.get("new_client_contact_email"));
    Client created = clientsPage.saved(null, form, clientErrors);
    Map<String, String> errors = new LinkedHashMap<>();
    if (created == null) {
      clientErrors.forEach((field, message) -> errors.put("new_client_" + field, message));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    } else {
      values.put("client_id", String.valueOf(created.id()));
      values.remove("new_client_name");
      values.remove("new_client_contact_email");
      model.addAttribute("clientAdded", created.name());
    }
    return show(model, values, lines(params), errors);
  }

  private static Map<String, String> values(MultiValueMap<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("client_id", "pair", "amount_usd", "tax_rate_percent", "billing_period", "due_date",
        "description", "notes", "idempotency_key")) {
      values.put(name, first(params, name));
    }
    return values;
  }

  private static List<String[]> lines(MultiValueMap<String, String> params) {
    List<String[]> lines = new ArrayList<>();
    List<String> descriptions = params.getOrDefault("line_description", List.of());
    List<String> quantities = params.getOrDefault("line_quantity", List.of());
    List<String> prices = params.getOrDefault("line_unit_price", List.of());
    for (int i = 0; i < Math.min(LINE_ROWS * 10, descriptions.size()); i++) {
      lines.add(new String[] {descriptions.get(i), at(quantities, i), at(prices, i)});
    }
    return lines;
  }

  private String show(Model model, Map<String, String> values, List<String[]> lines, Map<String, String> errors) {
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
    model.addAttribute("section", "new");
    return "console/new-invoice";
  }

  private static BigDecimal number(String value, String field, Map<String, String> errors) {
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

  private static String first(MultiValueMap<String, String> params, String name) {
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
