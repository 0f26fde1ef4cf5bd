package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProjectionRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceTerms;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Instant;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class InvoiceStoreActivitiesImpl implements InvoiceStoreActivities {

  private final InvoiceRepository invoices;
  private final InvoiceProjectionRepository projections;
  private final InvoiceAuditRepository audit;
  private final DepositWatchRepository watches;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final PaymentSettings settings;

  public InvoiceStoreActivitiesImpl(
      InvoiceRepository invoices,
      InvoiceProjectionRepository projections,
      InvoiceAuditRepository audit,
      DepositWatchRepository watches,
      ClientRepository clients,
      TenantRepository tenants,
      PaymentSettings settings) {
    this.invoices = invoices;
    this.projections = projections;
    this.audit = audit;
    this.watches = watches;
    this.clients = clients;
    this.tenants = tenants;
    this.settings = settings;
  }

  @Override
  public LoadedInvoice load(long invoiceId) {
    InvoiceRecord invoice =
        invoices.findById(invoiceId)
            .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no invoice " + invoiceId, "InvoiceNotFound"));
    String zone = tenants.findById(invoice.tenantId()).orElseThrow().timeZone().getId();
    var clientOffsets = clients.dunningOffsets(invoice.tenantId(), invoice.clientId()).orElse(null);
    InvoiceTerms terms =
        new InvoiceTerms(
            invoice.id(), invoice.tenantId(), invoice.invoiceNumber(), invoice.clientName(),
            invoice.amountUsd(), invoice.currency(), invoice.network(), invoice.dueDate(), zone,
            settings.policyFor(invoice.currency(), clientOffsets));
    return new LoadedInvoice(terms, projections.recordedState(invoiceId).orElse(null));
  }

  @Override
  public void record(InvoiceState state) {
    projections.record(state);
  }

  @Override
  public void audit(AuditEntry entry) {
    audit.append(
        entry.idempotencyKey(), entry.invoiceId(), entry.action(), entry.actor(), entry.reason(),
        entry.details(), entry.at());
  }

  @Override
  public void watch(long invoiceId) {
    watches.open(invoiceId);
  }

  @Override
  public void closeWatch(long invoiceId, InvoiceStatus finalStatus, Instant watchUntil) {
    watches.close(invoiceId, finalStatus.wireName(), watchUntil);
  }
}
