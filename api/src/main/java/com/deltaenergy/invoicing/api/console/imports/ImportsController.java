package com.deltaenergy.invoicing.api.console.imports;

import com.deltaenergy.invoicing.api.imports.ImportController;
import com.deltaenergy.invoicing.api.imports.ImportResponse;
import com.deltaenergy.invoicing.api.imports.ImportService;
import com.deltaenergy.invoicing.api.imports.MultipartCsvUpload;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.api.web.PayloadTooLargeException;
import com.deltaenergy.invoicing.persistence.imports.ImportRecord;
import com.deltaenergy.invoicing.persistence.imports.ImportResultRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The console's CSV imports: the upload form and the list of past imports, an import's page with
 * its live progress (htmx polling a fragment) and row errors, and its results file. The upload is
 * the API's own ({@link ImportService#upload}), with the same checks and limits.
 *
 * <p>The upload form is sent by htmx with the CSRF token in a header, so Spring Security never
 * reads a parameter of the multipart body and the file streams through
 * {@link MultipartCsvUpload} as in the API (up to 20 MB). Without script the browser sends the
 * token inside the body: the servlet container then parses the form under the console's small
 * multipart limits (2 MB), which is what that fallback takes.
 */
@Controller
class ImportsController {

  static final int LISTED = 50;
  static final int ROW_ERRORS_SHOWN = 200;
  /** htmx stops polling on this status (the import is over). */
  static final int STOP_POLLING = 286;

  private final ImportService imports;
  private final ImportController api;
  private final CurrentTenant tenant;
  private final ObjectMapper json;

  ImportsController(ImportService imports, ImportController api, CurrentTenant tenant, ObjectMapper json) {
    this.imports = imports;
    this.api = api;
    this.tenant = tenant;
    this.json = json;
  }

  @GetMapping("/invoices/imports")
  String list(Model model, CsrfToken csrf) throws JsonProcessingException {
    return listPage(model, csrf, Map.of(), Map.of());
  }

  /** The upload sent by htmx (the CSRF token in its header): streamed; success navigates to the import. */
  @PostMapping(path = "/invoices/imports", headers = "HX-Request=true")
  String uploadWithScript(HttpServletRequest request, HttpServletResponse response, Model model, CsrfToken csrf)
      throws IOException {
    Map<String, String> entered = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      ImportService.ImportView view = MultipartCsvUpload.read(request, (csv, mode, validateOnly) -> {
        entered.put("mode", mode);
        entered.put("validate_only", String.valueOf(validateOnly));
        return imports.upload(tenant.id(), csv, mode, validateOnly);
      });
      response.setHeader("HX-Redirect", "/invoices/imports/" + view.record().id());
    } catch (InvalidRequestException invalid) {
      errors.putAll(errors(invalid));
    } catch (PayloadTooLargeException tooLarge) {
      errors.put("file", "is larger than 20 MB");
    }
    // htmx swaps only a 2xx answer: the form with its errors comes back as 200.
    listModel(model, csrf, entered, errors);
    return "console/imports/list :: upload";
  }

  /** The same upload without script: the form as the servlet container parsed it. */
  @PostMapping("/invoices/imports")
  String upload(HttpServletRequest request, HttpServletResponse response, Model model, CsrfToken csrf)
      throws IOException {
    Map<String, String> entered = new LinkedHashMap<>();
    entered.put("mode", request.getParameter("mode") == null ? "send" : request.getParameter("mode"));
    entered.put("validate_only", String.valueOf(request.getParameter("validate_only") != null));
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      Part file = request.getPart(MultipartCsvUpload.FILE);
      if (file == null || file.getSize() == 0) {
        errors.put("file", "is required: choose a CSV file");
      } else {
        try (InputStream csv = file.getInputStream()) {
          ImportService.ImportView view =
              imports.upload(tenant.id(), csv, entered.get("mode"), Boolean.parseBoolean(entered.get("validate_only")));
          return "redirect:/invoices/imports/" + view.record().id();
        }
      }
    } catch (InvalidRequestException invalid) {
      errors.putAll(errors(invalid));
    } catch (IllegalStateException | ServletException tooLargeOrUnreadable) {
      errors.put("file", "could not be read; files over 2 MB need the page's script (up to 20 MB)");
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return listPage(model, csrf, entered, errors);
  }

  @GetMapping("/invoices/imports/{id}")
  String show(@PathVariable long id, Model model) {
    long tenantId = tenant.id();
    model.addAttribute("progress", progress(tenantId, id));
    List<ImportResultRow> problems = new ArrayList<>();
    int[] more = new int[1];
    imports.results(tenantId, id, row -> {
      if (row.error() != null && (row.status().equals("invalid") || row.status().equals("failed"))) {
        if (problems.size() < ROW_ERRORS_SHOWN) {
          problems.add(row);
        } else {
          more[0]++;
        }
      }
    });
    model.addAttribute("problems", problems);
    model.addAttribute("moreProblems", more[0]);
    model.addAttribute("section", "imports");
    return "console/imports/import";
  }

  /** The progress fragment the import page polls; 286 (htmx: stop polling) once the import is over. */
  @GetMapping("/invoices/imports/{id}/progress")
  String progressFragment(@PathVariable long id, Model model, HttpServletResponse response) {
    ImportResponse progress = progress(tenant.id(), id);
    model.addAttribute("progress", progress);
    if (!progress.status().equals("importing")) {
      response.setStatus(STOP_POLLING);
    }
    return "console/imports/import :: progress";
  }

  @GetMapping("/invoices/imports/{id}/results.csv")
  ResponseEntity<StreamingResponseBody> results(@PathVariable long id) {
    return api.resultsFile(tenant.id(), id);
  }

  private ImportResponse progress(long tenantId, long id) {
    ImportService.ImportView view = imports.view(tenantId, id);
    return ImportResponse.of(view.record(), imports.tally(id), view.progress().orElse(null));
  }

  private String listPage(Model model, CsrfToken csrf, Map<String, String> entered, Map<String, String> errors)
      throws JsonProcessingException {
    listModel(model, csrf, entered, errors);
    List<ImportRecord> recent = imports.recent(tenant.id(), LISTED);
    model.addAttribute("recent", recent);
    model.addAttribute("tallies", recent.stream().map(r -> imports.tally(r.id())).toList());
    model.addAttribute("section", "imports");
    return "console/imports/list";
  }

  private void listModel(Model model, CsrfToken csrf, Map<String, String> entered, Map<String, String> errors)
      throws JsonProcessingException {
    model.addAttribute("entered", entered);
    model.addAttribute("errors", errors);
    // htmx sends these headers with the upload (hx-headers is JSON, read without eval)
    model.addAttribute("csrfHeaders", json.writeValueAsString(Map.of(csrf.getHeaderName(), csrf.getToken())));
  }

  private static Map<String, String> errors(InvalidRequestException invalid) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : invalid.problems()) {
      errors.merge(problem.field() == null ? "file" : problem.field(), problem.message(), (a, b) -> a + "; " + b);
    }
    return errors;
  }
}
