package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.invoice.InvoiceActionsController.ExtendDueDateBody;
import com.deltaenergy.invoicing.api.invoice.InvoiceActionsController.ReasonRequest;
import com.deltaenergy.invoicing.api.invoice.InvoiceActionsController.VerifyPaymentBody;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncMapping;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository.PaymentRecord;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One invoice: what is recorded about it (the live part is re-read from PostgreSQL every 2 s by
 * htmx, never asked of the workflow), and the operator actions, each through the same workflow
 * client and the same request validation as {@code /api/invoice/{id}/...}.
 */
@Controller
@RequestMapping("/invoices/{id}")
class InvoicePageController {

  private static final String DEFAULT_SYNC_REASON = "manual CFO sync requested";

  private final InvoiceService invoices;
  private final InvoiceWorkflowClient workflows;
  private final PaymentRepository payments;
  private final InvoiceAuditRepository audit;
  private final NotificationRepository notifications;
  private final CfoSyncQueries cfo;
  private final PollingLogRepository polling;
  private final TenantRepository tenants;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;
  private final ConsoleProperties properties;
  private final Validator validator;
  private final NextReminder nextReminder;
  private final Duration pollingInterval;

  InvoicePageController(
      InvoiceService invoices,
      InvoiceWorkflowClient workflows,
      PaymentRepository payments,
      InvoiceAuditRepository audit,
      NotificationRepository notifications,
      CfoSyncQueries cfo,
      PollingLogRepository polling,
      TenantRepository tenants,
      CurrentTenant tenant,
      CurrentOperator operator,
      ConsoleProperties properties,
      Validator validator,
      NextReminder nextReminder,
      @Value("${invoicing.payments.polling-interval:30s}") Duration pollingInterval) {
    this.invoices = invoices;
    this.workflows = workflows;
    this.payments = payments;
    this.audit = audit;
    this.notifications = notifications;
    this.cfo = cfo;
    this.polling = polling;
    this.tenants = tenants;
    this.tenant = tenant;
    this.operator = operator;
    this.properties = properties;
    this.validator = validator;
    this.nextReminder = nextReminder;
    this.pollingInterval = pollingInterval;
  }

  /** One line of the invoice's history. */
  public record TimelineEntry(Instant at, String what, String detail) {}

  /** Which actions the invoice's recorded state allows; the workflow has the last word. */
  public record Actions(
      boolean verifyPayment, boolean markPaid, boolean cancel, boolean extendDueDate, boolean requote,
      boolean pauseReminders, boolean resumeReminders, boolean retryIssue, boolean syncToCfo) {

    static Actions of(InvoiceRecord invoice, Optional<CfoSyncMapping> sync) {
      InvoiceStatus status = invoice.status();
      boolean awaiting = status.acceptsPayment();
      return new Actions(
          awaiting, awaiting, awaiting || status == InvoiceStatus.DRAFT, awaiting, awaiting,
          awaiting && !invoice.progress().dunningPaused(), awaiting && invoice.progress().dunningPaused(),
          status == InvoiceStatus.DRAFT,
          status == InvoiceStatus.PAID && sync.map(m -> !m.synced()).orElse(true));
    }

    public boolean any() {
      return verifyPayment || markPaid || cancel || extendDueDate || requote || pauseReminders || resumeReminders
          || retryIssue || syncToCfo;
    }
  }

  @GetMapping
  String page(@PathVariable long id, Model model) {
    InvoiceRecord invoice = live(id, model);
    model.addAttribute("actions", Actions.of(invoice, cfo.find(id)));
    model.addAttribute("qr", invoice.depositAddress() == null ? null : QrCode.of(invoice.depositAddress()));
    model.addAttribute("temporalUrl", temporalUrl(invoice));
    model.addAttribute("section", "invoices");
    return "console/invoice";
  }

  /** The part that changes as the workflow works: polled by the page. */
  @GetMapping("/live")
  String liveFragment(@PathVariable long id, @RequestParam(required = false) String shown, Model model) {
    InvoiceRecord invoice = live(id, model);
    model.addAttribute("changed", shown != null && !shown.equals(invoice.status().wireName() + ":" + invoice.stateVersion()));
    return "console/invoice :: live";
  }

  /** The PDF (or its PAID copy), served by the REST API's controller for the same tenant. */
  @GetMapping("/pdf")
  String pdf(@PathVariable long id, @RequestParam(required = false) String copy) {
    invoices.get(tenant.id(), id);
    return "forward:/api/invoice/" + id + "/pdf" + ("receipt".equals(copy) || "invoice".equals(copy) ? "?copy=" + copy : "");
  }

  private InvoiceRecord live(long id, Model model) {
    long tenantId = tenant.id();
    InvoiceRecord invoice = invoices.get(tenantId, id);
    Tenant owner = tenants.findById(tenantId).orElseThrow();
    ZoneId zone = owner.timeZone();
    List<PaymentRecord> paid = payments.forInvoice(tenantId, id);
    List<TimelineEntry> timeline = new ArrayList<>();
    timeline.add(new TimelineEntry(invoice.createdAt(), "created", invoice.invoiceNumber()));
    if (invoice.progress().issuedAt() != null) {
      timeline.add(new TimelineEntry(invoice.progress().issuedAt(), "issued", invoice.depositAddress()));
    }
    paid.forEach(p -> timeline.add(new TimelineEntry(p.firstSeenAt(),
        p.flag() == null ? "payment seen" : "payment flagged: " + p.flag().replace('_', ' '),
        p.amount().stripTrailingZeros().toPlainString() + " " + p.coin() + " · " + p.txHash())));
    if (invoice.progress().paidAt() != null) {
      timeline.add(new TimelineEntry(invoice.progress().paidAt(), "paid", invoice.progress().paidManually() ? "marked paid" : ""));
    }
    if (invoice.progress().completedAt() != null) {
      timeline.add(new TimelineEntry(invoice.progress().completedAt(), "complete", ""));
    }
    audit.forInvoice(tenantId, id).forEach(a -> timeline.add(new TimelineEntry(a.occurredAt(),
        a.action().replace('_', ' '), a.actor() + (a.reason() == null ? "" : " — " + a.reason()))));
    notifications.forInvoice(tenantId, id).forEach(n -> timeline.add(new TimelineEntry(
        n.sentAt() != null ? n.sentAt() : n.createdAt(),
        n.channel() + " " + n.event().replace('_', ' ') + " (" + n.status() + ")", n.recipient())));
    timeline.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
    var last = polling.last().orElse(null);
    model.addAttribute("invoice", invoice);
    model.addAttribute("payments", paid);
    model.addAttribute("timeline", timeline);
    model.addAttribute("sync", cfo.find(id).orElse(null));
    model.addAttribute("nextScan", invoice.status().acceptsPayment() && last != null ? last.tickAt().plus(pollingInterval) : null);
    model.addAttribute("nextReminder", nextReminder.of(invoice, owner).orElse(null));
    model.addAttribute("zone", zone);
    model.addAttribute("polling", !invoice.status().isFinal());
    model.addAttribute("shown", invoice.status().wireName() + ":" + invoice.stateVersion());
    model.addAttribute("changed", false);
    return invoice;
  }

  private String temporalUrl(InvoiceRecord invoice) {
    String base = properties.temporalUiUrl();
    if (base == null || base.isBlank() || invoice.workflowId() == null) {
      return null;
    }
    return base.replaceAll("/+$", "") + "/namespaces/" + properties.temporalNamespace() + "/workflows/" + invoice.workflowId();
  }

  @PostMapping("/actions/{action}")
  String act(
      @PathVariable long id,
      @PathVariable String action,
      @RequestParam Map<String, String> form,
      RedirectAttributes flash) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    String back = "redirect:/invoices/" + id;
    Map<String, String> errors = new LinkedHashMap<>();
    String reason = form.get("reason");
    try {
      switch (action) {
        case "verify-payment" -> {
          VerifyPaymentBody body = new VerifyPaymentBody(form.get("tx_hash"));
          if (valid(body, errors)) {
            VerifyPaymentResult result =
                workflows.verifyPayment(invoice, new VerifyPaymentRequest(body.txHash().trim(), operator.name()));
            flash.addFlashAttribute("verdict",
                result.verdict().name().toLowerCase().replace('_', ' ') + ": " + result.reason());
          }
        }
        case "mark-paid" -> withReason(reason, errors, flash, "Marked paid.", why -> workflows.markPaid(invoice, why));
        case "cancel" -> {
          if (valid(new ReasonRequest(reason), errors)) {
            workflows.cancel(invoice, new CancelRequest(reason, operator.name()));
            flash.addFlashAttribute("done", "Cancelled.");
          }
        }
        case "extend-due-date" -> {
          LocalDate date = date(form.get("new_due_date"), errors);
          if (valid(new ExtendDueDateBody(date, reason), errors) && errors.isEmpty()) {
            workflows.extendDueDate(invoice, new ExtendDueDateRequest(date, reason, operator.name()));
            flash.addFlashAttribute("done", "Due date extended to " + date + ".");
          }
        }
        case "requote" ->
            withReason(reason, errors, flash, "Requoted at the current rate.", why -> workflows.requote(invoice, why));
        case "pause-reminders" ->
            withReason(reason, errors, flash, "Reminders paused.", why -> workflows.pauseDunning(invoice, why));
        case "resume-reminders" ->
            withReason(reason, errors, flash, "Reminders resumed.", why -> workflows.resumeDunning(invoice, why));
        case "retry-issue" -> {
          workflows.retryIssue(invoice);
          flash.addFlashAttribute("done", "Issuing again.");
        }
        case "sync-to-cfo" -> {
          if (invoice.status() != InvoiceStatus.PAID) {
            throw new ConflictException("invoice " + invoice.invoiceNumber() + " is " + invoice.status().wireName()
                + "; only paid invoices are booked in the CFO ledger");
          }
          String why = reason == null || reason.isBlank() ? DEFAULT_SYNC_REASON : reason.trim();
          workflows.retryCfoSync(invoice, new OperatorReason(why, operator.name()));
          flash.addFlashAttribute("done", "CFO sync requested.");
        }
        default -> throw new NotFoundException("action", action);
      }
    } catch (InvoiceWorkflowClient.RefusedException | ConflictException refused) {
      flash.addFlashAttribute("refused", refused.getMessage());
      return back;
    }
    if (!errors.isEmpty()) {
      flash.addFlashAttribute("errors", errors);
      flash.addFlashAttribute("failedAction", action);
      flash.addFlashAttribute("entered", new LinkedHashMap<>(Map.of(
          "reason", reason == null ? "" : reason,
          "tx_hash", form.getOrDefault("tx_hash", ""),
          "new_due_date", form.getOrDefault("new_due_date", ""))));
    }
    return back;
  }

  /** An action whose only field is the operator's reason: validated as the REST request's, then done and said so. */
  private void withReason(
      String reason, Map<String, String> errors, RedirectAttributes flash, String done, Consumer<OperatorReason> action) {
    if (valid(new ReasonRequest(reason), errors)) {
      action.accept(new OperatorReason(reason, operator.name()));
      flash.addFlashAttribute("done", done);
    }
  }

  /** Validates with the REST request's own constraints; errors are keyed by the API's field names. */
  private boolean valid(Object request, Map<String, String> errors) {
    Set<ConstraintViolation<Object>> violations = validator.validate(request);
    violations.forEach(v -> errors.putIfAbsent(snake(v.getPropertyPath().toString()), v.getMessage()));
    return violations.isEmpty();
  }

  private static LocalDate date(String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.put("new_due_date", "must be a date (YYYY-MM-DD)");
      return null;
    }
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
