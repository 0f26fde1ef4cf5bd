package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProjectionRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceTerms;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class InvoiceStoreActivitiesImpl implements InvoiceStoreActivities {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InvoiceStoreActivitiesImpl.class);

  private final InvoiceRepository invoices;
  private final InvoiceProjectionRepository projections;
  private final InvoiceAuditRepository audit;
  private final DepositWatchRepository watches;
  private final ClientRepository clients;
  private final TenantRepository tenants;
  private final PaymentSettings settings;
  private final SystemAuditTrail systemAudit;

  public InvoiceStoreActivitiesImpl(
      InvoiceRepository invoices,
      InvoiceProjectionRepository projections,
      InvoiceAuditRepository audit,
      DepositWatchRepository watches,
      ClientRepository clients,
      TenantRepository tenants,
      PaymentSettings settings,
      SystemAuditTrail systemAudit) {
    this.systemAudit = systemAudit;
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
    Tenant tenant = tenants.findById(invoice.tenantId()).orElseThrow();
    String zone = tenant.timeZone().getId();
    // The client's own schedule, else the tenant's, else the environment's.
    List<Integer> tenantOffsets = tenant.settings().dunningOffsetsDays();
    List<Integer> offsets =
        clients.dunningOffsets(invoice.tenantId(), invoice.clientId())
            .orElse(tenantOffsets == null || tenantOffsets.isEmpty() ? null : tenantOffsets);
    InvoiceTerms terms =
        new InvoiceTerms(
            invoice.id(), invoice.tenantId(), invoice.invoiceNumber(), invoice.clientName(),
            invoice.amountUsd(), invoice.currency(), invoice.network(), invoice.dueDate(), zone,
            settings.policyFor(invoice.currency(), offsets));
    return new LoadedInvoice(terms, projections.recordedState(invoiceId).orElse(null));
  }

  @Override
  public void record(InvoiceState state) {
    projections.record(state);
    // The system's events are read off the recorded state: no activity call of their own. The
    // next record adds whatever this one could not, so a failure here never holds up the invoice.
    try {
      systemAudit.record(state);
    } catch (RuntimeException e) {
      log.warn("System audit of {} (version {}) not written: {}", state.invoiceNumber(), state.version(), e.toString());
    }
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
