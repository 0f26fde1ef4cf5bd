package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProjectionRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
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
  private final NotificationRepository notifications;

  public InvoiceStoreActivitiesImpl(
      InvoiceRepository invoices,
      InvoiceProjectionRepository projections,
      InvoiceAuditRepository audit,
      DepositWatchRepository watches,
      ClientRepository clients,
      TenantRepository tenants,
      PaymentSettings settings,
      SystemAuditTrail systemAudit,
      NotificationRepository notifications) {
    this.systemAudit = systemAudit;
    this.notifications = notifications;
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
    InvoiceState recorded = projections.recordedState(invoiceId).orElse(null);
    if (recorded != null) {
      // A run starts from a recorded state only when an earlier attempt got that far without a
      // history to show for it: a first workflow task whose local activities issued the invoice
      // and recorded its notices, then died with its worker, or a lost run restarted. This run
      // never learns those notices' ids, so the sweep delivers them (once: senders claim the row).
      int handed = notifications.handToSweep(invoiceId);
      if (handed > 0) {
        log.info("Invoice {}: {} notices an earlier attempt recorded but did not send are handed to the sweep",
            invoice.invoiceNumber(), handed);
      }
    }
    return new LoadedInvoice(terms, recorded);
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
