package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.client.ClientRequest;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's clients: list, add, edit, and delete (refused while invoices name the client). */
@Controller
class ClientsController {

  private static final String[] FIELDS = {
    "name", "contact_email", "address", "country", "tax_id", "cfo_entity", "cfo_business_unit", "dunning_offsets_days",
    "language"
  };

  private final ClientRepository clients;
  private final CurrentTenant tenant;
  private final Validator validator;

  ClientsController(ClientRepository clients, CurrentTenant tenant, Validator validator) {
    this.clients = clients;
    this.tenant = tenant;
    this.validator = validator;
  }

  @GetMapping("/clients")
  String list(@RequestParam(required = false) Long edit, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    if (edit != null) {
      Client client = clients.findById(tenant.id(), edit).orElseThrow(() -> new NotFoundException("client", edit));
      values.put("name", client.name());
      values.put("contact_email", client.contactEmail());
      values.put("address", client.address());
      values.put("tax_id", client.taxId());
      values.put("cfo_entity", client.cfoEntity());
      values.put("cfo_business_unit", client.cfoBusinessUnit());
      values.put("country", client.country());
      values.put("dunning_offsets_days", client.dunningOffsetsDays() == null ? null
          : client.dunningOffsetsDays().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      values.put("language", client.language());
    }
    return show(model, edit, values, Map.of());
  }

  @PostMapping({"/clients", "/clients/{id}"})
  String save(@PathVariable(required = false) Long id, @RequestParam Map<String, String> form, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    Map<String, String> errors = new LinkedHashMap<>();
    Client saved = saved(id, form, errors);
    if (saved != null) {
      flash.addFlashAttribute("done", "Saved " + saved.name() + ".");
      return "redirect:/clients";
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      values.put(field, form.get(field));
    }
    return show(model, id, values, errors);
  }

  /**
   * Validates the form as {@code POST /api/clients} would and creates (no id) or replaces the
   * client; null, with the errors keyed by the API's field names, when refused. The new-invoice
   * form adds its clients through here too.
   */
  Client saved(Long id, Map<String, String> form, Map<String, String> errors) {
    List<Integer> offsets = offsets(form.get("dunning_offsets_days"), errors);
    ClientRequest request = new ClientRequest(form.get("name"), blank(form.get("contact_email")), form.get("address"),
        form.get("tax_id"), blank(form.get("country")), offsets, form.get("cfo_entity"), form.get("cfo_business_unit"),
        blank(form.get("language")));
    validator.validate(request).forEach(v -> errors.putIfAbsent(
        NewInvoiceController.snake(v.getPropertyPath().toString()), v.getMessage()));
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      ClientFields fields = request.fields();
      return id == null
          ? clients.create(tenant.id(), fields)
          : clients.update(tenant.id(), id, fields).orElseThrow(() -> new NotFoundException("client", id));
    } catch (InvalidRequestException invalid) {
      for (FieldProblem problem : invalid.problems()) {
        errors.putIfAbsent(problem.field(), problem.message());
      }
    } catch (DuplicateKeyException taken) {
      errors.put("name", "another client has this name");
    }
    return null;
  }

  @PostMapping("/clients/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes flash) {
    long tenantId = tenant.id();
    Client client = clients.findById(tenantId, id).orElseThrow(() -> new NotFoundException("client", id));
    if (clients.hasInvoices(tenantId, id)) {
      flash.addFlashAttribute("refused", client.name() + " has invoices and cannot be deleted; its invoices keep naming it.");
      return "redirect:/clients";
    }
    try {
      clients.delete(tenantId, id);
      flash.addFlashAttribute("done", "Deleted " + client.name() + ".");
    } catch (DataIntegrityViolationException raced) {
      flash.addFlashAttribute("refused", client.name() + " has invoices and cannot be deleted.");
    }
    return "redirect:/clients";
  }

  private String show(Model model, Long editing, Map<String, String> values, Map<String, String> errors) {
    model.addAttribute("clients", clients.findAll(tenant.id()));
    model.addAttribute("editing", editing);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("section", "clients");
    return "console/clients";
  }

  /** "-1, 7, 14, 21, 30" as the API's list; a word that is not a whole number is the field's error. */
  private static List<Integer> offsets(String text, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<Integer> offsets = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        offsets.add(Integer.parseInt(part));
      } catch (NumberFormatException notANumber) {
        errors.put("dunning_offsets_days", "must be whole days from the due date, separated by commas, like -1, 7, 14, 21, 30");
        return null;
      }
    }
    return offsets;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
