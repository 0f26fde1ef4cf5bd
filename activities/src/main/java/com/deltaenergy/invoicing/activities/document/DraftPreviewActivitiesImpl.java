package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.ExchangePrices;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.document.DraftPreviewActivities;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a draft's preview from the draft as stored now. The rate is the coin's current price
 * (cached briefly, as issuing reads it), printed as an estimate; when the exchange cannot answer
 * the preview says so instead of failing: the rest of the draft is still worth reviewing.
 */
@Component
@ActivityImpl(workers = "invoice-worker")
public class DraftPreviewActivitiesImpl implements DraftPreviewActivities {

  private static final Logger log = LoggerFactory.getLogger(DraftPreviewActivitiesImpl.class);

  private final InvoiceRepository invoices;
  private final ClientRepository clients;
  private final InvoiceDocumentFactory documents;
  private final InvoicePdfRenderer renderer;
  private final ExchangePrices prices;

  public DraftPreviewActivitiesImpl(
      InvoiceRepository invoices,
      ClientRepository clients,
      InvoiceDocumentFactory documents,
      InvoicePdfRenderer renderer,
      ExchangePrices prices) {
    this.invoices = invoices;
    this.clients = clients;
    this.documents = documents;
    this.renderer = renderer;
    this.prices = prices;
  }

  @Override
  public byte[] render(long tenantId, long invoiceId) {
    InvoiceRecord invoice =
        invoices.findById(invoiceId)
            .filter(i -> i.tenantId() == tenantId)
            .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no invoice " + invoiceId, NOT_FOUND));
    if (!invoice.isDraft()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invoice " + invoiceId + " was sent as " + invoice.invoiceNumber() + "; it is no draft", NOT_A_DRAFT);
    }
    Client client = clients.findById(tenantId, invoice.clientId()).orElseThrow();
    return renderer.render(documents.draft(invoice, client, estimate(invoice)));
  }

  private ExchangePrices.UsdPrice estimate(InvoiceRecord invoice) {
    try {
      return prices.usd(invoice.currency());
    } catch (ExchangeException e) {
      log.warn("Draft {} previewed without a rate estimate: {}", invoice.id(), e.toString());
      return null;
    }
  }
}
