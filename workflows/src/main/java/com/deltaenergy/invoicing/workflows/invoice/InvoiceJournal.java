package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities.AuditEntry;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
  /** The events of a change recorded, and their notifications delivered, in one activity each. */
  private boolean batched;
  /** See {@link #deliverLocallyFirst()}. */
  private boolean localFirst;

  InvoiceJournal(Supplier<InvoiceState> state, InvoiceActivityStubs activities) {
    this.state = state;
    this.activities = activities;
  }

  /** From {@link InvoiceActivityStubs#LOCAL_SHORT_STEPS} on: notifications in batches. */
  void batchNotifications() {
    batched = true;
  }

  /**
   * From {@link InvoiceActivityStubs#SMALL_FOOTPRINT} on, once the invoice is issued: a batch's
   * first delivery attempt is a local activity (one marker, in the task that recorded it), and only
   * a failed one goes to the ordinary, retried activity. Not while issuing: the create waits for
   * the first task to complete, and a local delivery would make it wait for the mail server too.
   */
  void deliverLocallyFirst() {
    localFirst = true;
  }

  /** Records the state (a new version) and keeps the InvoiceStatus search attribute current. */
  void record() {
    InvoiceState state = newVersion();
    activities.store.record(state);
  }

  /** {@link #record()} and ask the deposit scanner to watch the address, in one activity. */
  void recordAndWatch() {
    InvoiceState state = newVersion();
    activities.store.recordAndWatch(state);
  }

  /**
   * {@link #record()} and tell the scanner the invoice is closed (see
   * {@link InvoiceStoreActivities#closeWatch}), in one activity: a completed invoice needs both.
   */
  void recordAndCloseWatch(Instant watchUntil) {
    InvoiceState state = newVersion();
    activities.store.recordAndCloseWatch(state, watchUntil);
  }

  private InvoiceState newVersion() {
    InvoiceState state = this.state.get();
    state.bumpVersion();
    Workflow.setCurrentDetails(InvoiceDetails.of(state));
    if (state.status() != publishedStatus) {
      // Each upsert is a history event: publish changes only.
      Workflow.upsertTypedSearchAttributes(
          InvoiceWorkflowOptions.INVOICE_STATUS.valueSet(state.status().wireName()));
      publishedStatus = state.status();
    }
    return state;
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
    if (batched) {
      flushBatched();
      return;
    }
    while (!pendingEvents.isEmpty()) {
      List<Long> recorded = activities.notifications.record(pendingEvents.poll());
      state.get().deliveryPending(recorded);
      recorded.forEach(this::deliver);
    }
  }

  /** The events of the change in one activity, their notifications delivered in one more. */
  private void flushBatched() {
    if (pendingEvents.isEmpty()) {
      return;
    }
    List<InvoiceEvent> events = new ArrayList<>(pendingEvents);
    pendingEvents.clear();
    List<Long> recorded = activities.notifications.recordAll(events);
    state.get().deliveryPending(recorded);
    deliver(recorded);
  }

  /**
   * Delivers notifications recorded earlier (a previous run left them unconfirmed): one activity
   * for all of them from {@link InvoiceActivityStubs#LOCAL_SHORT_STEPS} on, else one each.
   */
  void deliver(Collection<Long> notificationIds) {
    if (notificationIds.isEmpty()) {
      return;
    }
    if (!batched) {
      notificationIds.forEach(this::deliver);
      return;
    }
    List<Long> ids = List.copyOf(notificationIds);
    if (localFirst) {
      Async.procedure(() -> deliverLocallyThenRetried(ids));
      return;
    }
    Async.procedure(activities.delivery::deliverAll, ids)
        .handle(
            (ignored, failure) -> {
              if (failure != null) {
                log.error("Notifications {} could not all be delivered: {}", ids, failure.getMessage());
              }
              ids.forEach(state.get()::deliveryDone);
              return null;
            });
  }

  /**
   * One local attempt; if it fails (or times out), the ordinary activity with the delivery retry
   * policy. Delivery is idempotent (a sender claims each notification), so a notification the
   * local attempt did send before failing on another is not sent again, and a worker killed after
   * the local attempt re-runs it harmlessly when the task is retried.
   */
  private void deliverLocallyThenRetried(List<Long> ids) {
    try {
      activities.deliveryFirstAttempt.deliverAll(ids);
    } catch (ActivityFailure first) {
      log.warn("Notifications {} not delivered at the first attempt, retrying: {}", ids, first.getMessage());
      try {
        activities.delivery.deliverAll(ids);
      } catch (ActivityFailure failure) {
        log.error("Notifications {} could not all be delivered: {}", ids, failure.getMessage());
      }
    }
    ids.forEach(state.get()::deliveryDone);
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
