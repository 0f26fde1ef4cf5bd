package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.exchange.ExchangeInquiries;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow.ExchangeDiagnosticsRequest;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import java.math.RoundingMode;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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

  static final int DEFAULT_DUE_DAYS = 15;

  private final InvoiceService invoices;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final Clock clock;
  private final ExchangeInquiries inquiries;
  private final ClientsController clientsPage;
  private final InvoiceForm form;

  NewInvoiceController(
      InvoiceService invoices, TenantRepository tenants, CurrentTenant tenant, Clock clock,
      ExchangeInquiries inquiries, ClientsController clientsPage, InvoiceForm form) {
    this.form = form;
    this.clientsPage = clientsPage;
    this.inquiries = inquiries;
    this.invoices = invoices;
    this.tenants = tenants;
    this.tenant = tenant;
    this.clock = clock;
  }

  @GetMapping("/invoices/new")
  String form(Model model) {
    LocalDate today = LocalDate.now(clock.withZone(tenants.findById(tenant.id()).orElseThrow().timeZone()));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("due_date", today.plusDays(DEFAULT_DUE_DAYS).toString());
    values.put("pair", "USDT:TRC20");
    values.put("idempotency_key", UUID.randomUUID().toString());
    return form.show(model, values, List.of(), Map.of());
  }

  /**
   * The crypto amount the USD amount comes to at the exchange's current price, for the form (htmx,
   * debounced). The invoice's own rate is locked by its workflow when it is issued.
   */
  @GetMapping("/invoices/new/preview")
  String preview(@RequestParam(name = "amount_usd", defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String pair, Model model) {
    String text = "";
    BigDecimal usd = InvoiceForm.number(amount, "amount_usd", new LinkedHashMap<>());
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

  /**
   * "Create invoice" issues it; "Save as draft" (a {@code draft} button) stores a draft instead,
   * as {@code "draft": true} does in the API, and shows it in the drafts list.
   */
  @PostMapping("/invoices")
  String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    Map<String, String> values = InvoiceForm.values(params);
    List<String[]> lines = InvoiceForm.lines(params);
    boolean draft = params.containsKey("draft");
    Map<String, String> errors = new LinkedHashMap<>();
    CreateInvoiceRequest request = form.request(values, lines, draft, errors);
    if (errors.isEmpty()) {
      try {
        InvoiceService.Creation created = invoices.create(tenant.id(), values.get("idempotency_key"), request);
        return draft ? "redirect:/invoices/drafts?saved=" + created.invoice().id() : "redirect:/invoices/" + created.invoice().id();
      } catch (InvalidRequestException invalid) {
        for (FieldProblem problem : invalid.problems()) {
          errors.putIfAbsent(problem.field() == null ? "form" : problem.field(), problem.message());
        }
      } catch (ConflictException conflict) {
        errors.put("form", conflict.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form.show(model, values, lines, errors);
  }

  /**
   * "New client" on the form: creates the client through the clients page's own path (the API's
   * validation) and shows the form again with everything entered kept and the new client chosen.
   */
  @PostMapping("/invoices/new/client")
  String addClient(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    Map<String, String> values = InvoiceForm.values(params);
    values.put("new_client_name", first(params, "new_client_name"));
    values.put("new_client_contact_email", first(params, "new_client_contact_email"));
    Map<String, String> clientErrors = new LinkedHashMap<>();
    Map<String, String> client = new LinkedHashMap<>();
    client.put("name", values.get("new_client_name"));
    client.put("contact_email", values.get("new_client_contact_email"));
    Client created = clientsPage.saved(null, client, clientErrors);
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
    return form.show(model, values, InvoiceForm.lines(params), errors);
  }

  private static String first(MultiValueMap<String, String> params, String name) {
    return InvoiceForm.first(params, name);
  }

  /** clientId → client_id: the API's names (kept here for the other console pages). */
  static String snake(String path) {
    return InvoiceForm.snake(path);
  }
}
