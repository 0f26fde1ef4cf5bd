package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.tenant.TenantProfiles;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Builds the document's content from the stored invoice, its client and its recorded state. */
@Component
public class InvoiceDocumentFactory {

  private final TenantProfiles tenants;
  private final Map<Path, byte[]> logos = new ConcurrentHashMap<>();

  public InvoiceDocumentFactory(TenantProfiles tenants) {
    this.tenants = tenants;
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

  private InvoiceDocument document(InvoiceRecord invoice, Client client, InvoiceDocument.Paid paid) {
    TenantProfiles.Issuer issuer = tenants.issuer(invoice.tenantId());
    return new InvoiceDocument(
        new InvoiceDocument.Issuer(
            issuer.name(), issuer.address(), issuer.taxId(), issuer.email(), logo(issuer.logo()), issuer.brandColor()),
        new InvoiceDocument.BillTo(client.name(), lines(client.address()), client.taxId(), client.contactEmail()),
        invoice.invoiceNumber(),
        invoice.issueDate(),
        invoice.dueDate(),
        invoice.billingPeriod(),
        invoice.lineItems().stream()
            .map(l -> new InvoiceDocument.Line(l.description(), l.quantity(), l.unitPriceUsd(), l.amountUsd()))
            .toList(),
        invoice.subtotalUsd(),
        invoice.taxLabel(),
        invoice.taxRatePercent(),
        invoice.taxAmountUsd(),
        invoice.amountUsd(),
        invoice.currency(),
        invoice.network(),
        invoice.cryptoAmount().setScale(invoice.currency().decimals(), java.math.RoundingMode.UNNECESSARY),
        invoice.exchangeRate().stripTrailingZeros(),
        invoice.rateLockedAt(),
        invoice.depositAddress(),
        invoice.depositMemo(),
        issuer.terms(),
        invoice.notes(),
        paid);
  }

  /** The logo's bytes, read once per file; an unreadable logo fails the render (retried) rather than print none. */
  private byte[] logo(Path file) {
    if (file == null) {
      return null;
    }
    return logos.computeIfAbsent(
        file,
        f -> {
          try {
            return Files.readAllBytes(f);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer logo " + f, e);
          }
        });
  }

  private static List<String> lines(String address) {
    return address == null || address.isBlank()
        ? List.of()
        : Arrays.stream(address.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
