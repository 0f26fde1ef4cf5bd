package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.exchange.ExchangePrices;
import com.deltaenergy.invoicing.activities.i18n.InvoicingMessages;
import com.deltaenergy.invoicing.activities.tenant.TenantProfiles;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.paylink.PayLinks;
import com.deltaenergy.invoicing.workflows.exchange.CryptoConversion;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Builds the document's content from the stored invoice, its client and its recorded state. */
@Component
public class InvoiceDocumentFactory {

  private final TenantProfiles tenants;
  private final PayLinks payLinks;
  private final InvoicingMessages messages;

  public InvoiceDocumentFactory(TenantProfiles tenants, PayLinks payLinks, InvoicingMessages messages) {
    this.tenants = tenants;
    this.payLinks = payLinks;
    this.messages = messages;
  }

  public InvoiceDocument invoice(InvoiceRecord invoice, Client client) {
    return document(invoice, client, null);
  }

  /** The PAID copy: stamped with the paid date and the transactions that counted. */
  public InvoiceDocument receipt(InvoiceRecord invoice, Client client, InvoiceState state) {
    List<InvoiceDocument.Transaction> counted =
        state.payments().stream()
            .filter(Payment::counts)
            .map(p -> new InvoiceDocument.Transaction(p.txId(), p.amount(), p.confirmations()))
            .toList();
    InvoiceDocument.Paid paid =
        new InvoiceDocument.Paid(state.paidAt(), counted, state.paidManually() ? state.paidManuallyReason() : null);
    return document(invoice, client, paid);
  }

  /**
   * A draft's preview: no number, deposit address or pay link (it has none yet), and the amount
   * in crypto at {@code estimate}, the coin's current price, or none when it could not be read.
   */
  public InvoiceDocument draft(InvoiceRecord invoice, Client client, ExchangePrices.UsdPrice estimate) {
    if (!invoice.isDraft()) {
      throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + " is not a draft");
    }
    BigDecimal cryptoAmount =
        estimate == null ? null : CryptoConversion.toCrypto(invoice.amountUsd(), estimate.usd(), invoice.currency());
    // No number, deposit address, memo or payment yet.
    return compose(
        invoice,
        client,
        null,
        cryptoAmount,
        estimate == null ? null : estimate.usd().stripTrailingZeros(),
        estimate == null ? null : estimate.pricedAt(),
        null,
        null,
        null,
        true);
  }

  private InvoiceDocument.Issuer issuer(InvoiceRecord invoice, TenantProfiles.Issuer issuer) {
    byte[] logo = tenants.logo(invoice.tenantId()).orElse(null);
    return new InvoiceDocument.Issuer(
        issuer.name(), issuer.address(), issuer.taxId(), issuer.email(), logo, issuer.brandColor());
  }

  private static InvoiceDocument.BillTo billTo(Client client) {
    return new InvoiceDocument.BillTo(client.name(), lines(client.address()), client.taxId(), client.contactEmail());
  }

  private static List<InvoiceDocument.Line> lines(InvoiceRecord invoice) {
    return invoice.lineItems().stream()
        .map(l -> new InvoiceDocument.Line(l.description(), l.quantity(), l.unitPriceUsd(), l.amountUsd()))
        .toList();
  }

  private InvoiceDocument document(InvoiceRecord invoice, Client client, InvoiceDocument.Paid paid) {
    return compose(
        invoice,
        client,
        invoice.invoiceNumber(),
        invoice.cryptoAmount().setScale(invoice.currency().decimals(), java.math.RoundingMode.UNNECESSARY),
        invoice.exchangeRate().stripTrailingZeros(),
        invoice.rateLockedAt(),
        invoice.depositAddress(),
        invoice.depositMemo(),
        paid,
        false);
  }

  /**
   * The document of an invoice, its receipt or a draft's preview: the issuer, the client, the
   * lines and the terms are the same for all three; the number, the payment instructions, the
   * PAID stamp and the pay link (an issued invoice's only) are what sets them apart.
   */
  private InvoiceDocument compose(
      InvoiceRecord invoice,
      Client client,
      String invoiceNumber,
      BigDecimal cryptoAmount,
      BigDecimal exchangeRate,
      Instant rateLockedAt,
      String depositAddress,
      String depositMemo,
      InvoiceDocument.Paid paid,
      boolean draft) {
    TenantProfiles.Issuer issuer = tenants.issuer(invoice.tenantId());
    Locale locale = InvoicingMessages.locale(client.language());
    return new InvoiceDocument(
        issuer(invoice, issuer),
        billTo(client),
        invoiceNumber,
        invoice.issueDate(),
        invoice.dueDate(),
        invoice.billingPeriod(),
        lines(invoice),
        invoice.subtotalUsd(),
        invoice.taxLabel(),
        invoice.taxRatePercent(),
        invoice.taxAmountUsd(),
        invoice.amountUsd(),
        invoice.currency(),
        invoice.network(),
        cryptoAmount,
        exchangeRate,
        rateLockedAt,
        depositAddress,
        depositMemo,
        terms(issuer.terms(), locale),
        invoice.notes(),
        paid,
        draft ? null : payLinks.ensureUrl(invoice.id()),
        locale,
        draft);
  }

  /**
   * The standard terms in the client's language; terms a tenant wrote itself are printed as
   * written.
   */
  private String terms(String terms, Locale locale) {
    if (terms != null && terms.equals(messages.get("pdf.terms", Locale.ENGLISH))) {
      return messages.get("pdf.terms", locale);
    }
    return terms;
  }

  private static List<String> lines(String address) {
    return address == null || address.isBlank()
        ? List.of()
        : Arrays.stream(address.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
