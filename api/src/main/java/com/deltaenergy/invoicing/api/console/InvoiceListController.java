package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.console.ConsoleQueries;
import com.deltaenergy.invoicing.persistence.console.ConsoleQueries.InvoiceFilter;
import com.deltaenergy.invoicing.persistence.console.ConsoleQueries.InvoicePage;
import com.deltaenergy.invoicing.persistence.console.ConsoleQueries.InvoiceRow;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** The invoice list: filters, search, sort, pages, and the filtered list as CSV. */
@Controller
class InvoiceListController {

  static final int PAGE_SIZE = 50;
  private static final int EXPORT_BATCH = 1000;

  private final ConsoleQueries queries;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final ConsoleFormat fmt;

  InvoiceListController(
      ConsoleQueries queries, ClientRepository clients, TenantRepository tenants, CurrentTenant tenant, ConsoleFormat fmt) {
    this.queries = queries;
    this.clients = clients;
    this.tenants = tenants;
    this.tenant = tenant;
    this.fmt = fmt;
  }

  /**
   * The list's query string, as given (bound by name, for the page and its CSV export alike);
   * anything unknown is ignored rather than refused.
   */
  record Query(String status, Long client, String from, String to, String q, String sort, String dir, Integer page) {

    Query {
      page = page == null ? 0 : Math.max(0, page);
    }

    public boolean descending() {
      return !"asc".equals(dir);
    }

    public String sortOrDefault() {
      return InvoiceFilter.sortable(sort) ? sort : "issued";
    }

    public List<String> statuses() {
      if (status == null || status.isBlank()) {
        return List.of();
      }
      if (status.equals("open")) {
        return Arrays.stream(InvoiceStatus.values()).filter(s -> !s.isFinal()).map(InvoiceStatus::wireName).toList();
      }
      try {
        return List.of(InvoiceStatus.fromWireName(status).wireName());
      } catch (IllegalArgumentException e) {
        return List.of();
      }
    }

    InvoiceFilter filter(int limit, int offset) {
      return new InvoiceFilter(statuses(), client, date(from), date(to), q, sortOrDefault(), descending(), limit, offset);
    }

    /** The list's URL with some parameters changed (sort links, pages, export). */
    public String with(String path, Map<String, Object> changes) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("status", status);
      params.put("client", client);
      params.put("from", from);
      params.put("to", to);
      params.put("q", q);
      params.put("sort", sortOrDefault());
      params.put("dir", descending() ? "desc" : "asc");
      params.put("page", page);
      params.putAll(changes);
      UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
      params.forEach((name, value) -> {
        if (value != null && !value.toString().isBlank() && !(name.equals("page") && value.equals(0))) {
          url.queryParam(name, value);
        }
      });
      return url.encode().build().toUriString();
    }

    public String sortLink(String column) {
      boolean same = sortOrDefault().equals(column);
      return with("/invoices", Map.of("sort", column, "dir", same && descending() ? "asc" : "desc", "page", 0));
    }

    /** aria-sort of a column header. */
    public String ariaSort(String column) {
      return sortOrDefault().equals(column) ? (descending() ? "descending" : "ascending") : null;
    }

    private static LocalDate date(String value) {
      try {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  @GetMapping("/invoices")
  String list(Query query, Model model) {
    long tenantId = tenant.id();
    InvoicePage result = queries.invoices(tenantId, query.filter(PAGE_SIZE, query.page() * PAGE_SIZE));
    ZoneId zone = tenants.findById(tenantId).orElseThrow().timeZone();
    model.addAttribute("query", query);
    model.addAttribute("result", result);
    model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("clients", clients.findAll(tenantId));
    model.addAttribute("statuses", Arrays.stream(InvoiceStatus.values()).map(InvoiceStatus::wireName).toList());
    model.addAttribute("zone", zone);
    model.addAttribute("section", "invoices");
    return "console/invoices";
  }

  @GetMapping("/invoices/export")
  void export(Query query, HttpServletResponse response) throws IOException {
    long tenantId = tenant.id();
    ZoneId zone = tenants.findById(tenantId).orElseThrow().timeZone();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"invoices.csv\"");
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.print("invoice_number,client,amount_usd,crypto_amount,crypto_currency,crypto_network,status,issue_date,due_date,days_overdue,deposit_address\r\n");
    for (int offset = 0; ; offset += EXPORT_BATCH) {
      List<InvoiceRow> rows = queries.invoices(tenantId, query.filter(EXPORT_BATCH, offset)).rows();
      for (InvoiceRow row : rows) {
        out.print(String.join(",",
            csv(row.invoiceNumber()), csv(row.clientName()), csv(row.amountUsd() == null ? "" : row.amountUsd().toPlainString()),
            csv(row.cryptoAmount() == null ? "" : row.cryptoAmount().toPlainString()), csv(row.currency()), csv(row.network()),
            csv(row.status()), csv(String.valueOf(row.issueDate())), csv(String.valueOf(row.dueDate())),
            csv(fmt.daysOverdue(row.dueDate(), row.status(), zone)), csv(row.depositAddress())));
        out.print("\r\n");
      }
      if (rows.size() < EXPORT_BATCH) {
        break;
      }
    }
    out.flush();
  }

  /** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is defused with a quote mark. */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
