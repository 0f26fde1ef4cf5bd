package com.deltaenergy.invoicing.api.console.drafts;

import com.deltaenergy.invoicing.api.console.InvoiceForm;
import com.deltaenergy.invoicing.api.invoice.CreateInvoiceRequest;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's drafts: listed, edited with the new-invoice form (the same validation, errors
 * next to the fields), deleted, and sent one or many at once. Every action is the REST API's own
 * ({@link InvoiceService#editDraft}, {@link InvoiceService#deleteDraft},
 * {@link InvoiceService#sendDraft}), so a draft sent here is issued exactly as
 * {@code POST /api/invoice/{id}/send} issues it.
 */
@Controller
class DraftsController {

  static final int MAX_LISTED = 500;

  /** The create request's fields the form edits; one left empty is removed from the draft. */
  private static final List<String> FORM_FIELDS = List.of(
      "client_id", "amount_usd", "crypto_currency", "crypto_network", "billing_period", "due_date", "description",
      "line_items", "tax_rate_percent", "notes");

  private final InvoiceService invoices;
  private final CurrentTenant tenant;
  private final InvoiceForm form;
  private final ObjectMapper json;
  private final DraftSender sender;
  private final InvoiceRepository stored;

  DraftsController(InvoiceService invoices, CurrentTenant tenant, InvoiceForm form, ObjectMapper json, DraftSender sender,
      InvoiceRepository stored) {
    this.stored = stored;
    this.invoices = invoices;
    this.tenant = tenant;
    this.form = form;
    this.json = json;
    this.sender = sender;
  }

  @GetMapping("/invoices/drafts")
  String list(@RequestParam(required = false) Long saved, Model model) {
    // A sent draft keeps the status "draft" until its workflow has issued it; it has its number already.
    List<InvoiceRecord> drafts =
        invoices.list(tenant.id(), "draft", MAX_LISTED, 0).stream().filter(InvoiceRecord::isDraft).toList();
    model.addAttribute("drafts", drafts);
    model.addAttribute("saved", saved == null ? null : drafts.stream().filter(d -> d.id() == saved).findFirst().orElse(null));
    model.addAttribute("section", "drafts");
    return "console/drafts/list";
  }

  /** The form filled from the draft's stored create request: what was entered, not what was computed. */
  @GetMapping("/invoices/drafts/{id}/edit")
  String edit(@PathVariable long id, Model model) throws JsonProcessingException {
    draft(id);
    CreateInvoiceRequest request = json.readValue(
        stored.draftRequest(tenant.id(), id).orElseThrow(() -> new NotFoundException("draft", id)), CreateInvoiceRequest.class);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("client_id", request.clientId() == null ? "" : String.valueOf(request.clientId()));
    values.put("pair", text(request.cryptoCurrency()) + ":" + text(request.cryptoNetwork()));
    values.put("amount_usd", plain(request.amountUsd()));
    values.put("tax_rate_percent", plain(request.taxRatePercent()));
    values.put("billing_period", text(request.billingPeriod()));
    values.put("due_date", request.dueDate() == null ? "" : request.dueDate().toString());
    values.put("description", text(request.description()));
    values.put("notes", text(request.notes()));
    List<String[]> lines = new ArrayList<>();
    if (request.lineItems() != null) {
      for (CreateInvoiceRequest.LineItemRequest item : request.lineItems()) {
        lines.add(new String[] {text(item.description()), plain(item.quantity()), plain(item.unitPriceUsd())});
      }
    }
    return editPage(model, id, values, lines, Map.of());
  }

  /** Saves the form as the draft's request: a JSON merge patch of every field the form has. */
  @PostMapping("/invoices/drafts/{id}")
  String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    Map<String, String> values = InvoiceForm.values(params);
    List<String[]> lines = InvoiceForm.lines(params);
    Map<String, String> errors = new LinkedHashMap<>();
    CreateInvoiceRequest request = form.request(values, lines, false, errors);
    if (errors.isEmpty()) {
      try {
        invoices.editDraft(tenant.id(), id, patch(request));
        flash.addFlashAttribute("done", List.of("Draft saved."));
        return "redirect:/invoices/drafts";
      } catch (InvalidRequestException invalid) {
        for (FieldProblem problem : invalid.problems()) {
          errors.putIfAbsent(problem.field() == null ? "form" : problem.field(), problem.message());
        }
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return editPage(model, id, values, lines, errors);
  }

  @PostMapping("/invoices/drafts/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes flash) {
    invoices.deleteDraft(tenant.id(), id);
    flash.addFlashAttribute("done", List.of("Draft deleted."));
    return "redirect:/invoices/drafts";
  }

  @PostMapping("/invoices/drafts/{id}/send")
  String send(@PathVariable long id, RedirectAttributes flash) {
    return report(sender.send(tenant.id(), List.of(id)), flash);
  }

  /** "Send selected": each one sent on its own; the page says which were sent and which not, and why. */
  @PostMapping("/invoices/drafts/send")
  String sendMany(@RequestParam(name = "id", required = false) List<Long> ids, RedirectAttributes flash) {
    if (ids == null || ids.isEmpty()) {
      flash.addFlashAttribute("failures", List.of(new DraftSender.Outcome(0, null, "Choose the drafts to send.")));
      return "redirect:/invoices/drafts";
    }
    return report(sender.send(tenant.id(), ids.stream().distinct().limit(MAX_LISTED).toList()), flash);
  }

  private static String report(List<DraftSender.Outcome> outcomes, RedirectAttributes flash) {
    flash.addFlashAttribute("sent", outcomes.stream().filter(DraftSender.Outcome::sent).toList());
    flash.addFlashAttribute("failures", outcomes.stream().filter(o -> !o.sent()).toList());
    return "redirect:/invoices/drafts";
  }

  private InvoiceRecord draft(long id) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    if (!invoice.isDraft()) {
      throw new ConflictException("invoice " + invoice.invoiceNumber() + " was sent already; it is no draft to edit");
    }
    return invoice;
  }

  private String editPage(Model model, long id, Map<String, String> values, List<String[]> lines, Map<String, String> errors) {
    model.addAttribute("editing", id);
    model.addAttribute("section", "drafts");
    return form.show(model, values, lines, errors);
  }

  private ObjectNode patch(CreateInvoiceRequest request) {
    ObjectNode entered = json.valueToTree(request);
    ObjectNode patch = json.createObjectNode();
    for (String field : FORM_FIELDS) {
      if (entered.hasNonNull(field)) {
        patch.set(field, entered.get(field));
      } else {
        patch.putNull(field);
      }
    }
    return patch;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
