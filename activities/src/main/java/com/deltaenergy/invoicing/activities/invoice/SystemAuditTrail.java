package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The system's own entries in an invoice's audit trail (actor {@code system}): created, issued,
 * deposit seen, confirmations reached, paid, underpaid, overpaid, dunning stage sent, overdue,
 * booked in the ledger, completed. They are read off each state the workflow records, so the
 * workflow makes no extra activity calls for them and its history does not grow; each has a key
 * of its own (unique in the table), so recording the same state again adds nothing.
 */
@Component
public class SystemAuditTrail {

  static final String ACTOR = "system";

  /** One system event as it goes into the audit trail. */
  record Event(String key, String action, Instant at, Map<String, Object> details) {}

  private final InvoiceAuditRepository audit;
  private final ObjectMapper json;
  private final Clock clock;

  /**
   * The application's ObjectMapper where there is one (API, embedded app); the worker runs without
   * Spring's Jackson auto-configuration, so it gets a mapper of its own.
   */
  public SystemAuditTrail(InvoiceAuditRepository audit, ObjectProvider<ObjectMapper> json, Clock clock) {
    this.audit = audit;
    this.json = json.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
    this.clock = clock;
  }

  /** Adds the events this state shows that the trail does not have yet. */
  public void record(InvoiceState state) {
    List<Event> events = events(state, clock.instant());
    Set<String> known = audit.keysStartingWith(state.invoiceId(), prefix(state));
    for (Event event : events) {
      if (!known.contains(event.key())) {
        audit.append(
            event.key(), state.invoiceId(), event.action(), ACTOR, null, details(event), event.at());
      }
    }
  }

  /** Every system event the state shows, each with the time it happened. */
  static List<Event> events(InvoiceState state, Instant now) {
    String prefix = prefix(state);
    List<Event> events = new ArrayList<>();
    // Created: the invoice row's own time (the workflow's first record follows it closely).
    events.add(new Event(prefix + "created", "created", null, details("amount_usd", state.amountUsd().toPlainString(),
        "currency", state.currency().name(), "network", state.network().name(), "due_date", state.dueDate().toString())));
    if (state.issuedAt() != null) {
      events.add(new Event(prefix + "issued", "issued", state.issuedAt(), details(
          "deposit_address", state.depositAddress(), "deposit_memo", state.depositMemo(),
          "crypto_amount", plain(state.cryptoAmount()), "exchange_rate", plain(state.exchangeRate()),
          "rate_source", state.rateSource(), "rate_locked_at", String.valueOf(state.rateLockedAt()))));
    }
    int required = state.policy().confirmationsRequired();
    Instant observed = state.lastObservationAt() != null ? state.lastObservationAt() : now;
    // "paid" follows the sightings and confirmations that made it so. Its own time, the deposit's
    // arrival at the exchange (the client's terms, for paid late), precedes our first sighting of
    // it by up to a polling interval, so it goes in the details instead.
    Instant paidRecorded = state.paidAt();
    for (Payment payment : state.payments()) {
      if (payment.counts()) {
        paidRecorded = later(paidRecorded, payment.confirmed(required) ? later(payment.firstSeenAt(), observed)
            : payment.firstSeenAt());
      }
      events.add(new Event(prefix + "deposit_seen:" + payment.key(), "deposit_seen", payment.firstSeenAt(), details(
          "tx_hash", payment.txId(), "amount", plain(payment.amount()), "coin", payment.coinCode(),
          "network", payment.exchangeNetwork(), "confirmations", payment.confirmations(),
          "counts", payment.counts(), "flag", payment.flag() == null ? null : payment.flag().name())));
      if (payment.confirmed(required)) {
        events.add(new Event(prefix + "confirmations_reached:" + payment.key(), "confirmations_reached",
            later(payment.firstSeenAt(), observed), details(
                "tx_hash", payment.txId(), "confirmations", payment.confirmations(), "required", required)));
      }
    }
    PaymentAssessment assessment = state.assessment();
    if (assessment != null && state.status() == InvoiceStatus.PARTIALLY_PAID) {
      events.add(new Event(prefix + "underpaid:" + plain(assessment.confirmed()), "underpaid", observed, details(
          "received", plain(assessment.confirmed()), "remaining", plain(assessment.remaining()))));
    }
    if (state.paidAt() != null) {
      events.add(new Event(prefix + "paid", "paid", paidRecorded, details(
          "arrived_at", state.paidAt().toString(), "received", assessment == null ? null : plain(assessment.confirmed()),
          "paid_late", state.paidLate(), "manually", state.paidManually())));
    }
    if (assessment != null && assessment.overpaid()) {
      events.add(new Event(prefix + "overpaid:" + plain(assessment.excess()), "overpaid",
          state.paidAt() != null ? later(paidRecorded, observed) : observed, details(
              "received", plain(assessment.confirmed()), "excess", plain(assessment.excess()))));
    }
    for (DunningStage stage : state.dunning()) {
      if (stage.sentAt() != null) {
        events.add(new Event(prefix + "dunning_stage_sent:" + stage.number(), "dunning_stage_sent", stage.sentAt(),
            details("stage", stage.number(), "offset_days", stage.offsetDays())));
      }
    }
    if (state.overdue()) {
      // Keyed by the due date: an extension clears it, and overdue again later is a new event.
      events.add(new Event(prefix + "overdue:" + state.dueDate(), "overdue", state.overdueAt(),
          details("due_date", state.dueDate().toString())));
    }
    CfoSyncState cfo = state.cfo();
    if (cfo.status() == CfoSyncState.Status.SYNCED) {
      events.add(new Event(prefix + "booked_in_ledger", "booked_in_ledger",
          cfo.syncedAt() != null ? cfo.syncedAt() : now, details("cfo_transaction_id", cfo.cfoTransactionId())));
    }
    if (state.completedAt() != null) {
      events.add(new Event(prefix + "completed", "completed", state.completedAt(), details()));
    }
    return events;
  }

  private static String prefix(InvoiceState state) {
    return state.invoiceNumber() + ":system:";
  }

  private String details(Event event) {
    try {
      return json.writeValueAsString(event.details());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        details.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return details;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
