package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The invoice's next dunning reminder, worked out from what PostgreSQL records (never asked of the
 * workflow): the offsets are the client's own, else the tenant's, else the environment's
 * ({@code DUNNING_OFFSETS_DAYS}) — the same order the worker's {@code load} activity resolves them
 * in — counted from the recorded due date; {@code invoices.dunning_stage} is the last stage sent.
 */
@Component
class NextReminder {

  /** Stage {@code number} goes out at {@code at} (in the past when the worker is about to send it). */
  public record Reminder(int number, Instant at) {}

  private final ClientRepository clients;
  private final List<Integer> environmentOffsets;
  private final int hourOfDay;
  private final Clock clock;

  NextReminder(
      ClientRepository clients,
      @Value("${invoicing.payments.dunning-offsets-days:${DUNNING_OFFSETS_DAYS:-1,7,14,21,30}}") List<Integer> environmentOffsets,
      @Value("${invoicing.payments.dunning-hour-of-day:9}") int hourOfDay,
      Clock clock) {
    this.clients = clients;
    this.environmentOffsets = List.copyOf(environmentOffsets);
    this.hourOfDay = hourOfDay;
    this.clock = clock;
  }

  /** Empty for final, paused or not yet issued invoices, and when every stage has gone out. */
  Optional<Reminder> of(InvoiceRecord invoice, Tenant tenant) {
    if (!invoice.status().acceptsPayment() || invoice.progress().dunningPaused() || invoice.dueDate() == null) {
      return Optional.empty();
    }
    List<Integer> tenantOffsets = tenant.settings().dunningOffsetsDays();
    List<Integer> offsets = clients.dunningOffsets(invoice.tenantId(), invoice.clientId())
        .orElse(tenantOffsets == null || tenantOffsets.isEmpty() ? environmentOffsets : tenantOffsets);
    int sent = invoice.progress().dunningStage();
    Instant issuedAt = invoice.progress().issuedAt();
    Instant now = clock.instant();
    // Stages that fell before the invoice was issued are skipped by the workflow, and when several
    // are due at once it sends only the latest of them.
    List<DunningStage> open = DunningSchedule.plan(invoice.dueDate(), offsets, tenant.timeZone(), hourOfDay).stream()
        .filter(s -> s.number() > sent)
        .filter(s -> issuedAt == null || s.dueAt().isAfter(issuedAt))
        .toList();
    Optional<DunningStage> due = open.stream().filter(s -> !s.dueAt().isAfter(now)).reduce((a, b) -> b);
    return due.or(() -> open.stream().findFirst()).map(s -> new Reminder(s.number(), s.dueAt()));
  }
}
