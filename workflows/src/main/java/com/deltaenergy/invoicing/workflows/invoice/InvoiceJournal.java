package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.AuditEntry;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What the invoice workflow writes down and tells: the recorded state (and the InvoiceStatus search
 * attribute), the audit trail, and the notifications of each change, told only once the change is
 * recorded. Lives in the workflow and holds part of its state (the events not yet told, the status
 * last published), so it is deterministic as the workflow is.
 */
final class InvoiceJournal {

  private static final Logger log = Workflow.getLogger(InvoiceJournal.class);
  /** Writes audit details; a map keeps its keys in the order they were put (the text is stable). */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<InvoiceState> state;
  private final InvoiceActivityStubs activities;
  /** Events of the current change, told once the change is recorded. */
  private final Deque<InvoiceEvent> pendingEvents = new ArrayDeque<>();
  /** The InvoiceStatus search attribute as last published by this run. */
  private InvoiceStatus publishedStatus;

  InvoiceJournal(Supplier<InvoiceState> state, InvoiceActivityStubs activities) {
    this.state = state;
    this.activities = activities;
  }

  /** Records the state (a new version) and keeps the InvoiceStatus search attribute current. */
  void record() {
    InvoiceState state = this.state.get();
    state.bumpVersion();
    Workflow.setCurrentDetails(InvoiceDetails.of(state));
    if (state.status() != publishedStatus) {
      // Each upsert is a history event: publish changes only.
      Workflow.upsertTypedSearchAttributes(
          InvoiceWorkflowOptions.INVOICE_STATUS.valueSet(state.status().wireName()));
      publishedStatus = state.status();
    }
    activities.store.record(state);
  }

  /** Queues an event of the change under way; {@link #flush()} tells it. */
  void tell(InvoiceEvent event) {
    pendingEvents.add(event);
  }

  /** Tells the event now (the change it belongs to is recorded). */
  void announce(InvoiceEvent event) {
    tell(event);
    flush();
  }

  void flush() {
    while (!pendingEvents.isEmpty()) {
      List<Long> recorded = activities.notifications.record(pendingEvents.poll());
      state.get().deliveryPending(recorded);
      recorded.forEach(this::deliver);
    }
  }

  void deliver(long notificationId) {
    Async.procedure(activities.delivery::deliver, notificationId)
        .handle(
            (ignored, failure) -> {
              if (failure != null) {
                log.error("Notification {} could not be delivered: {}", notificationId, failure.getMessage());
              }
              state.get().deliveryDone(notificationId);
              return null;
            });
  }

  /**
   * Writes an operator's action to the audit trail.
   *
   * @param details what changed, as ordered key/value pairs (a {@code LinkedHashMap}), or null
   */
  void audit(String action, String actor, String reason, Map<String, ?> details) {
    InvoiceState state = this.state.get();
    activities.store.audit(
        new AuditEntry(
            state.invoiceNumber() + ":" + action + ":" + Workflow.randomUUID(),
            state.invoiceId(), action, actor, reason, details == null ? null : json(details),
            Instant.ofEpochMilli(Workflow.currentTimeMillis())));
  }

  static String json(Map<String, ?> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details cannot be written as JSON: " + details, e);
    }
  }
}
