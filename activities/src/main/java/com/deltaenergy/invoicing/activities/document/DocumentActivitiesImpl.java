package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProjectionRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class DocumentActivitiesImpl implements DocumentActivities {

  private final InvoiceRepository invoices;
  private final InvoiceProjectionRepository projections;
  private final ClientRepository clients;
  private final InvoiceDocumentFactory documents;
  private final InvoicePdfRenderer renderer;
  private final DocumentStore store;

  public DocumentActivitiesImpl(
      InvoiceRepository invoices,
      InvoiceProjectionRepository projections,
      ClientRepository clients,
      InvoiceDocumentFactory documents,
      InvoicePdfRenderer renderer,
      DocumentStore store) {
    this.invoices = invoices;
    this.projections = projections;
    this.clients = clients;
    this.documents = documents;
    this.renderer = renderer;
    this.store = store;
  }

  @Override
  public StoredDocument render(long invoiceId, DocumentKind kind) {
    InvoiceRecord invoice =
        invoices.findById(invoiceId)
            .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no invoice " + invoiceId, "InvoiceNotFound"));
    Client client = clients.findById(invoice.tenantId(), invoice.clientId()).orElseThrow();
    InvoiceDocument document;
    if (kind == DocumentKind.RECEIPT) {
      InvoiceState state =
          projections.recordedState(invoiceId)
              .filter(s -> s.paidAt() != null)
              .orElseThrow(() -> ApplicationFailure.newFailure(
                  "invoice " + invoice.invoiceNumber() + " has no recorded payment yet", "NotPaidYet"));
      document = documents.receipt(invoice, client, state);
    } else {
      document = documents.invoice(invoice, client);
    }
    DocumentStore.StoredFile file = store.store(invoice.tenantId(), fileName(invoice, kind), renderer.render(document));
    invoices.recordDocument(invoiceId, kind == DocumentKind.RECEIPT, file.path().toString(), file.sha256());
    return new StoredDocument(kind, file.path().toString(), file.sha256(), file.sizeBytes());
  }

  public static String fileName(InvoiceRecord invoice, DocumentKind kind) {
    return invoice.invoiceNumber() + (kind == DocumentKind.RECEIPT ? "-paid" : "") + ".pdf";
  }
}
