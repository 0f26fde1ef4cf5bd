package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.persistence.invoice.IdempotentInvoiceCreation;
import com.deltaenergy.invoicing.persistence.invoice.IdempotentInvoiceCreation.Created;
import com.deltaenergy.invoicing.persistence.invoice.IdempotentInvoiceCreation.Outcome;
import com.deltaenergy.invoicing.persistence.invoice.IdempotentInvoiceCreation.Replayed;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.paylink.PayLinkRepository;
import com.deltaenergy.invoicing.persistence.paylink.PayLinks;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import java.util.Optional;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceAmounts;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Creates invoices (validate, store, start the workflow) and reads them back. */
@Service
public class InvoiceService {

  private static final int MAX_PAGE = 500;
  /** The largest USD figure an invoice stores (amount_usd's own bound: 12 digits and cents). */
  static final BigDecimal MAX_USD = new BigDecimal("999999999999.99");

  private final InvoiceRepository invoices;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final InvoiceWorkflowClient workflows;
  private final PaymentRepository payments;
  private final Clock clock;
  private final IdempotentInvoiceCreation idempotent;
  private final ObjectMapper json;
  private final PayLinks payLinks;
  private final PayLinkRepository payLinkTokens;
  private final DueDateWindow dueDates;
  private final ScannerSchedule scanner;
  private final DraftRequests drafts;

  public InvoiceService(
      InvoiceRepository invoices,
      ClientRepository clients,
      TenantRepository tenants,
      InvoiceWorkflowClient workflows,
      PaymentRepository payments,
      Clock clock,
      IdempotentInvoiceCreation idempotent,
      ObjectMapper json,
      PayLinks payLinks,
      PayLinkRepository payLinkTokens,
      DueDateWindow dueDates,
      ScannerSchedule scanner,
      DraftRequests drafts) {
    this.payLinks = payLinks;
    this.payLinkTokens = payLinkTokens;
    this.dueDates = dueDates;
    this.scanner = scanner;
    this.drafts = drafts;
    this.idempotent = idempotent;
    this.json = json;
    this.invoices = invoices;
    this.clients = clients;
    this.tenants = tenants;
    this.workflows = workflows;
    this.payments = payments;
    this.clock = clock;
  }

  /**
   * Stores the invoice (its number allocated in the same transaction), starts its workflow and
   * waits briefly for it to be issued (address, quote, document). Should the start fail, the
   * stored invoice is found and started by the recovery sweep.
   */
  public InvoiceResponse create(long tenantId, CreateInvoiceRequest request) {
    NewInvoice invoice = validate(tenantId, request);
    if (request.storesDraft()) {
      return InvoiceResponse.draft(invoices.createDraft(invoice, drafts.stored(request)));
    }
    return issue(invoices.create(invoice));
  }

  /** An invoice creation, or the replay of an earlier one with the same Idempotency-Key. */
  public record Creation(InvoiceResponse invoice, boolean replayed) {}

  /**
   * {@link #create} under an Idempotency-Key: the first request with the key creates the invoice;
   * the same request again gets that invoice (as it stands now); another request with the key is
   * refused with 409. A repeat is recognised before the request is validated again, so it answers
   * the same even if, say, the client has since been renamed.
   */
  public Creation create(long tenantId, String idempotencyKey, CreateInvoiceRequest request) {
    String key = IdempotencyKey.validated(idempotencyKey);
    String hash = IdempotencyKey.hash(json, request);
    Optional<Outcome> previous = idempotent.previous(tenantId, key, hash);
    Outcome outcome =
        previous.isPresent()
            ? previous.get()
            : request.storesDraft()
                ? idempotent.createDraft(key, hash, validate(tenantId, request), drafts.stored(request))
                : idempotent.create(key, hash, validate(tenantId, request));
    if (outcome instanceof Created created) {
      return new Creation(
          created.invoice().isDraft() ? InvoiceResponse.draft(created.invoice()) : issue(created.invoice()),
          false);
    }
    if (outcome instanceof Replayed replayed) {
      return new Creation(view(tenantId, replayed.invoiceId()), true);
    }
    throw new ConflictException(
        "This Idempotency-Key was used for a different request; use a new key for a new invoice");
  }

  /**
   * Edits a draft with a JSON merge patch of its create request; the result is validated as a
   * create is. 404 when the tenant has no such draft, 409 when the invoice was sent already.
   */
  public InvoiceResponse editDraft(long tenantId, long id, JsonNode patch) {
    String stored = storedDraft(tenantId, id);
    CreateInvoiceRequest request = drafts.patched(stored, patch);
    NewInvoice invoice = validate(tenantId, request);
    InvoiceRecord edited =
        invoices.updateDraft(id, invoice, drafts.stored(request)).orElseThrow(() -> notADraft(tenantId, id));
    return InvoiceResponse.draft(edited);
  }

  /** Deletes a draft; an issued invoice cannot be deleted (409), only cancelled. */
  public void deleteDraft(long tenantId, long id) {
    if (!invoices.deleteDraft(tenantId, id)) {
      throw notADraft(tenantId, id);
    }
  }

  /**
   * Sends a draft: its request is validated again (the client may have changed, the due date
   * passed), it gets the next number of this month and is issued exactly as a direct create is.
   */
  public InvoiceResponse sendDraft(long tenantId, long id) {
    CreateInvoiceRequest request = drafts.read(storedDraft(tenantId, id));
    NewInvoice invoice = validate(tenantId, request);
    InvoiceRecord numbered = invoices.numberDraft(id, invoice).orElseThrow(() -> notADraft(tenantId, id));
    return issue(numbered);
  }

  private String storedDraft(long tenantId, long id) {
    return invoices.draftRequest(tenantId, id).orElseThrow(() -> notADraft(tenantId, id));
  }

  /** 404 for no such invoice of this tenant; 409 for an invoice that is no (longer a) draft. */
  private RuntimeException notADraft(long tenantId, long id) {
    InvoiceRecord invoice = get(tenantId, id);
    return new ConflictException(
        "invoice " + invoice.invoiceNumber() + " is " + invoice.status().wireName() + ", not a draft");
  }

  private InvoiceResponse issue(InvoiceRecord created) {
    long tenantId = created.tenantId();
    // The link exists before the workflow renders the PDF and e-mail that print it.
    String payUrl = payLinks.ensureUrl(created.id());
    Optional<InvoiceStatusView> issued = workflows.startAndAwaitIssued(created);
    InvoiceRecord stored = get(tenantId, created.id());
    return issued.map(view -> respond(stored, view, payUrl))
        .orElseGet(() -> InvoiceResponse.of(stored, List.of(), payUrl));
  }

  public InvoiceRecord get(long tenantId, long id) {
    return invoices.findById(tenantId, id).orElseThrow(() -> new NotFoundException("invoice", id));
  }

  /** The invoice with its live lifecycle when its workflow answers, else as last recorded. */
  public InvoiceResponse view(long tenantId, long id) {
    InvoiceRecord invoice = get(tenantId, id);
    if (invoice.isDraft()) {
      return InvoiceResponse.draft(invoice);
    }
    return workflows
        .status(invoice)
        .map(view -> respond(invoice, view))
        .orElseGet(
            () ->
                InvoiceResponse.of(
                    invoice, payments.forInvoice(tenantId, id),
                    scanner.nextCheck(invoice.status(), invoice.depositAddress()), payUrl(invoice)));
  }

  /** The invoice's pay link; an invoice stored before links existed gets one now. */
  public String payUrl(InvoiceRecord invoice) {
    return payLinks.ensureUrl(invoice.id());
  }

  /** Gives the invoice a new pay link; the old one answers 404 from now on. */
  public String regeneratePayUrl(long tenantId, long id) {
    return payLinkTokens.regenerate(tenantId, id)
        .map(payLinks::url)
        .orElseThrow(() -> new NotFoundException("invoice", id));
  }

  /**
   * The workflow's view of an invoice as the API shows it. Its next check is the scanner's next
   * cycle. A closed invoice's payments are the recorded ones: they include deposits that arrived
   * after it closed (flagged), which its workflow no longer follows.
   */
  public InvoiceResponse respond(InvoiceRecord invoice, InvoiceStatusView view) {
    return respond(invoice, view, payUrl(invoice));
  }

  private InvoiceResponse respond(InvoiceRecord invoice, InvoiceStatusView view, String payUrl) {
    InvoiceStatus status = view.state().status();
    return InvoiceResponse.of(
        invoice, view,
        status.isFinal() ? payments.forInvoice(invoice.tenantId(), invoice.id()) : null,
        scanner.nextCheck(status, view.state().depositAddress()), payUrl);
  }

  public List<InvoiceRecord> list(long tenantId, String status, int limit, int offset) {
    InvoiceStatus filter = null;
    if (status != null && !status.isBlank()) {
      try {
        filter = InvoiceStatus.fromWireName(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "status",
            "unknown status '" + status + "'; one of "
                + Arrays.stream(InvoiceStatus.values())
                    .map(InvoiceStatus::wireName)
                    .collect(Collectors.joining(", ")));
      }
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (offset < 0) {
      throw new InvalidRequestException("offset", "must not be negative");
    }
    return invoices.find(tenantId, filter, limit, offset);
  }

  private NewInvoice validate(long tenantId, CreateInvoiceRequest request) {
    return validate(
        tenants.findById(tenantId).orElseThrow(), clients.findById(tenantId, request.clientId()).orElse(null), request);
  }

  /**
   * The create validation with the tenant and client already looked up (null: no such client of
   * the tenant), for callers that validate many requests at once, such as a CSV import.
   */
  public NewInvoice validate(Tenant tenant, Client client, CreateInvoiceRequest request) {
    long tenantId = tenant.id();
    List<FieldProblem> problems = new ArrayList<>();
    if (client == null) {
      problems.add(new FieldProblem("client_id", "unknown client " + request.clientId()));
    }

    CryptoCurrency currency = CryptoCurrency.fromCode(request.cryptoCurrency());
    PaymentNetwork network = null;
    if (currency == null) {
      problems.add(
          new FieldProblem(
              "crypto_currency",
              "unsupported currency '" + request.cryptoCurrency() + "'; one of "
                  + Arrays.toString(CryptoCurrency.values())));
    } else {
      network = PaymentNetwork.resolve(currency, request.cryptoNetwork());
      if (network == null) {
        String supported =
            PaymentNetwork.of(currency).stream().map(Enum::name).collect(Collectors.joining(", "));
        problems.add(
            new FieldProblem(
                "crypto_network",
                request.cryptoNetwork() == null || request.cryptoNetwork().isBlank()
                    ? "is required for " + currency + "; one of " + supported
                    : currency + " is not payable on '" + request.cryptoNetwork()
                        + "'; supported: " + supported));
      }
    }

    LocalDate issueDate = LocalDate.now(clock.withZone(tenant.timeZone()));
    if (request.dueDate().isBefore(issueDate)) {
      problems.add(
          new FieldProblem("due_date", "must not be before the issue date " + issueDate));
    }
    LocalDate latestDue = issueDate.plus(dueDates.maxAhead());
    if (request.dueDate().isAfter(latestDue)) {
      problems.add(new FieldProblem("due_date", "must not be after " + latestDue));
    }

    List<LineItem> lineItems = new ArrayList<>();
    BigDecimal subtotal;
    BigDecimal tax;
    BigDecimal total;
    BigDecimal rate = request.taxRatePercent();
    boolean hasLines = request.lineItems() != null && !request.lineItems().isEmpty();
    if (hasLines) {
      for (int i = 0; i < request.lineItems().size(); i++) {
        CreateInvoiceRequest.LineItemRequest line = request.lineItems().get(i);
        BigDecimal amount = InvoiceAmounts.lineAmount(line.quantity(), line.unitPriceUsd());
        if (amount.compareTo(MAX_USD) > 0) {
          problems.add(
              new FieldProblem(
                  "line_items[" + i + "]",
                  "quantity × unit_price_usd must be at most " + MAX_USD.toPlainString()));
        }
        lineItems.add(
            new LineItem(
                line.description().trim(), line.quantity(), InvoiceAmounts.usd(line.unitPriceUsd()), amount));
      }
      subtotal = InvoiceAmounts.subtotal(lineItems.stream().map(LineItem::amountUsd).toList());
      tax = InvoiceAmounts.tax(subtotal, rate);
      total = subtotal.add(tax);
      if (total.signum() <= 0) {
        problems.add(new FieldProblem("line_items", "must add up to more than 0"));
      } else if (total.compareTo(MAX_USD) > 0) {
        problems.add(
            new FieldProblem(
                "line_items", "must add up, with tax, to at most " + MAX_USD.toPlainString()));
      }
      if (request.amountUsd() != null && request.amountUsd().compareTo(total) != 0) {
        problems.add(
            new FieldProblem(
                "amount_usd",
                "does not match the line items plus tax: expected " + total.toPlainString()));
      }
    } else {
      if (request.amountUsd() == null) {
        problems.add(new FieldProblem("amount_usd", "is required when there are no line_items"));
        throw new InvalidRequestException(problems);
      }
      if (rate != null && rate.signum() != 0) {
        problems.add(
            new FieldProblem("tax_rate_percent", "needs line_items to apply the tax to"));
      }
      total = InvoiceAmounts.usd(request.amountUsd());
      subtotal = total;
      tax = InvoiceAmounts.usd(BigDecimal.ZERO);
      lineItems.add(
          new LineItem(request.description().trim(), BigDecimal.ONE, total, total));
    }

    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    boolean taxed = tax.signum() != 0 || (rate != null && rate.signum() != 0);
    return new NewInvoice(
        tenantId,
        client.id(),
        total,
        subtotal,
        taxed ? (request.taxLabel() == null || request.taxLabel().isBlank() ? "VAT" : request.taxLabel().trim()) : null,
        taxed ? rate : null,
        tax,
        currency,
        network,
        request.billingPeriod().trim(),
        request.description().trim(),
        request.notes(),
        issueDate,
        request.dueDate(),
        List.copyOf(lineItems));
  }
}
