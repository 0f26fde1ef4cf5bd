package com.deltaenergy.invoicing.api.pay;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProgress;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.paylink.PayLinkRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository.PaymentRecord;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.payment.PaymentUris;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the pay page from the invoice's recorded state in PostgreSQL: no exchange call and no
 * workflow query, so any number of payers watching costs the database a few indexed reads and
 * Temporal nothing, and every API process answers alike.
 */
@Service
public class PayPages {

  /** The invoice a token opens, with the client's preferred language. */
  public record Opened(InvoiceRecord invoice, String clientLanguage) {}

  /** What the page shows of its issuer; kept a minute per tenant, not read on every view. */
  private record Branding(String name, String email, boolean hasLogo) {}

  private final Cache<Long, Branding> branding =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  private final PayLinkRepository links;
  private final InvoiceRepository invoices;
  private final PaymentRepository payments;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final IssuerLogos logos;
  private final JdbcClient jdbc;
  private final String defaultIssuerName;
  private final String defaultIssuerEmail;

  public PayPages(
      PayLinkRepository links,
      InvoiceRepository invoices,
      PaymentRepository payments,
      ClientRepository clients,
      TenantRepository tenants,
      IssuerLogos logos,
      JdbcClient jdbc,
      @Value("${invoicing.documents.issuer-name:Delta Mining Paraguay S.A.}") String defaultIssuerName,
      @Value("${invoicing.documents.issuer-email:billing@deltaenergy.com}") String defaultIssuerEmail) {
    this.links = links;
    this.invoices = invoices;
    this.payments = payments;
    this.clients = clients;
    this.tenants = tenants;
    this.logos = logos;
    this.jdbc = jdbc;
    this.defaultIssuerName = defaultIssuerName;
    this.defaultIssuerEmail = defaultIssuerEmail;
  }

  public Optional<Opened> open(String token) {
    return links.invoiceIdOf(token)
        .flatMap(invoices::findSummaryById)
        .map(invoice -> new Opened(invoice, clients.findById(invoice.tenantId(), invoice.clientId())
            .map(Client::language).orElse(null)));
  }

  /**
   * What the page's version would be now, read with one indexed query; empty for an unknown
   * token. The live poll compares it with the version it shows before rendering anything.
   */
  public Optional<String> currentVersion(String token) {
    return links.invoiceIdOf(token)
        .flatMap(id -> jdbc.sql(
                "SELECT state_version, pdf_path IS NOT NULL AS pdf, receipt_path IS NOT NULL AS receipt FROM invoices WHERE id = ?")
            .param(id)
            .query((rs, n) -> version(rs.getLong("state_version"), rs.getBoolean("pdf"), rs.getBoolean("receipt")))
            .optional());
  }

  public Optional<IssuerLogos.Logo> logo(InvoiceRecord invoice) {
    return logos.logo(invoice.tenantId());
  }

  public PayPageView view(String token, InvoiceRecord invoice, Locale locale) {
    PayFormats format = new PayFormats(locale);
    InvoiceProgress progress = invoice.progress();
    Branding issuer = branding.get(invoice.tenantId(), this::branding);
    int decimals = invoice.currency().decimals();
    String coin = invoice.currency().name();
    boolean quoted = invoice.depositAddress() != null && invoice.cryptoAmount() != null;
    BigDecimal due = quoted ? invoice.cryptoAmount() : null;
    BigDecimal received = zeroIfNull(progress.amountReceived());
    // Rounded up to the coin's precision: the payer may send a fraction more, never less.
    BigDecimal remaining =
        due == null ? null : due.subtract(received).max(BigDecimal.ZERO).setScale(decimals, RoundingMode.UP);
    List<PaymentRecord> counted =
        payments.forInvoice(invoice.tenantId(), invoice.id()).stream().filter(PaymentRecord::counts).toList();
    List<PayPageView.SeenPayment> seen =
        counted.stream()
            .filter(p -> p.confirmations() < p.confirmationsRequired())
            .map(p -> new PayPageView.SeenPayment(p.txHash(), p.confirmations(), p.confirmationsRequired(),
                p.confirmationsRequired() == 0 ? 0 : 100 * p.confirmations() / p.confirmationsRequired()))
            .toList();
    boolean paid = progress.paidAt() != null
        || invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.COMPLETE;
    PayPageView.State state;
    if (invoice.status() == InvoiceStatus.CANCELLED) {
      state = PayPageView.State.CANCELLED;
    } else if (paid) {
      state = PayPageView.State.PAID;
    } else if (!quoted) {
      state = PayPageView.State.PREPARING;
    } else if (!seen.isEmpty()) {
      state = PayPageView.State.SEEN;
    } else if (received.signum() > 0) {
      state = PayPageView.State.PARTIAL;
    } else {
      state = PayPageView.State.AWAITING;
    }
    boolean partial = !paid && received.signum() > 0 && remaining != null && remaining.signum() > 0;
    BigDecimal toSend = paid ? null : toSend(invoice, counted).orElse(null);
    boolean pdf = progress.pdfPath() != null;
    boolean receipt = progress.receiptPath() != null;
    boolean live = !(state == PayPageView.State.CANCELLED || (state == PayPageView.State.PAID && receipt));
    return new PayPageView(
        token,
        locale.getLanguage(),
        version(invoice.stateVersion(), pdf, receipt),
        live,
        state,
        issuer.name(),
        issuer.email(),
        issuer.hasLogo(),
        invoice.invoiceNumber(),
        format.usd(invoice.amountUsd()),
        due == null ? null : format.crypto(due, decimals, coin),
        due == null ? null : due.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString(),
        coin,
        invoice.network().displayName(),
        partial ? format.crypto(received, decimals, coin) : null,
        partial ? format.crypto(remaining, decimals, coin) : null,
        partial ? remaining.toPlainString() : null,
        partial && invoice.exchangeRate() != null ? format.usd(remaining.multiply(invoice.exchangeRate())) : null,
        progress.overpaid() && progress.excessAmount() != null
            ? format.crypto(progress.excessAmount(), decimals, coin) : null,
        progress.overpaid(),
        progress.overdue() || invoice.status() == InvoiceStatus.OVERDUE
            || invoice.status() == InvoiceStatus.IN_COLLECTIONS,
        seen,
        PaymentUris.includesAmount(invoice.network()),
        toSend == null ? null : toSend.toPlainString(),
        invoice.depositAddress(),
        invoice.depositMemo(),
        invoice.exchangeRate() == null ? null : format.usdPrice(invoice.exchangeRate().stripTrailingZeros()),
        invoice.rateLockedAt() == null ? null : format.timestamp(invoice.rateLockedAt()),
        format.date(invoice.dueDate()),
        pdf,
        receipt);
  }

  /**
   * The QR payload for what is still to pay: the whole amount, or the remainder after a part
   * payment. Empty when there is nothing to pay (not issued yet, paid or cancelled).
   */
  public Optional<String> qrPayload(InvoiceRecord invoice) {
    if (invoice.status() == InvoiceStatus.CANCELLED || invoice.progress().paidAt() != null) {
      return Optional.empty();
    }
    List<PaymentRecord> counted =
        payments.forInvoice(invoice.tenantId(), invoice.id()).stream().filter(PaymentRecord::counts).toList();
    return toSend(invoice, counted)
        .map(amount -> PaymentUris.forPayment(invoice.network(), invoice.depositAddress(), amount));
  }

  /**
   * What the payer still has to send: the amount due less every counted deposit, confirmed or
   * still confirming (a deposit on its way must not be asked for twice). Rounded up to the coin's
   * precision; empty when nothing is left or the invoice is not issued yet.
   */
  private static Optional<BigDecimal> toSend(InvoiceRecord invoice, List<PaymentRecord> counted) {
    if (invoice.depositAddress() == null || invoice.cryptoAmount() == null) {
      return Optional.empty();
    }
    BigDecimal seen = counted.stream().map(PaymentRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal left = invoice.cryptoAmount().subtract(seen.max(zeroIfNull(invoice.progress().amountReceived())));
    return left.signum() <= 0
        ? Optional.empty()
        : Optional.of(left.setScale(invoice.currency().decimals(), RoundingMode.UP));
  }

  private Branding branding(long tenantId) {
    Tenant tenant = tenants.findById(tenantId).orElseThrow();
    return new Branding(
        tenant.isDefault() ? defaultIssuerName : tenant.name(),
        tenant.settings().issuerEmail() == null ? defaultIssuerEmail : tenant.settings().issuerEmail(),
        logos.logo(tenantId).isPresent());
  }

  private static String version(long stateVersion, boolean pdf, boolean receipt) {
    return stateVersion + (pdf ? "p" : "") + (receipt ? "r" : "");
  }

  private static BigDecimal zeroIfNull(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
