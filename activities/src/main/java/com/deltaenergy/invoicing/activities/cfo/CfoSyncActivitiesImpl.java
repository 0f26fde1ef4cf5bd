package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncMapping;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.AttemptLog;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books paid invoices as revenue in the CFO ledger, exactly once (see {@link CfoLedger}), and
 * records each attempt in our mapping and audit log. A transient failure comes back as a retryable
 * failure carrying the seed's delay (1, 5, 15 minutes after attempts 1, 2, 3); a validation or
 * schema error as a non-retryable {@link CfoSyncActivities#VALIDATION_FAILED}.
 */
@Component
@ActivityImpl(workers = "invoice-worker")
public class CfoSyncActivitiesImpl implements CfoSyncActivities {

  /** Failure type of a transient error: network, timeout, database. */
  public static final String UNAVAILABLE = "CfoSyncUnavailable";

  private static final Logger log = LoggerFactory.getLogger(CfoSyncActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InvoiceRepository invoices;
  private final CfoSyncRepository syncs;
  private final CfoRevenueClassifier classifier;
  private final CfoLedger ledger;
  private final Clock clock;
  private final ClientRepository clients;

  public CfoSyncActivitiesImpl(
      InvoiceRepository invoices,
      CfoSyncRepository syncs,
      CfoRevenueClassifier classifier,
      CfoLedger ledger,
      Clock clock,
      ClientRepository clients) {
    this.clients = clients;
    this.invoices = invoices;
    this.syncs = syncs;
    this.classifier = classifier;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public CfoSyncResult syncInvoice(long invoiceId) {
    // The test environment's activities report attempt 0; a real attempt is 1-based.
    int attempt = Math.max(1, Activity.getExecutionContext().getInfo().getAttempt());
    InvoiceRecord invoice = load(invoiceId, attempt);
    CfoRevenueEntry entry = null;
    try {
      Optional<CfoSyncMapping> mapping = syncs.find(invoiceId);
      if (mapping.isPresent() && mapping.get().synced()) {
        long transactionId = mapping.get().cfoTransactionId();
        syncs.recordAlreadySynced(invoiceId, transactionId, attemptLog(attempt, null, booked(transactionId, true)));
        return new CfoSyncResult(transactionId, true, mapping.get().syncTimestamp());
      }
      entry =
          classifier.entryFor(
              invoice, clients.findById(invoice.tenantId(), invoice.clientId()).flatMap(Client::cfoMapping));
      CfoLedger.Booking booking = ledger.book(entry);
      CfoSyncMapping synced =
          syncs.recordSynced(
              invoiceId,
              new CfoSyncRepository.Booking(
                  booking.transactionId(), entry.classifiedEntity(), entry.businessUnit(),
                  CfoRevenueClassifier.CATEGORY, entry.subcategory(), entry.confidence()),
              attemptLog(attempt, entry, booked(booking.transactionId(), booking.linkedExisting())));
      if (booking.linkedExisting()) {
        log.info(
            "Invoice {} was in the CFO ledger already (transaction {}); linked it",
            invoice.invoiceNumber(), booking.transactionId());
      }
      return new CfoSyncResult(synced.cfoTransactionId(), booking.linkedExisting(), synced.syncTimestamp());
    } catch (RuntimeException e) {
      throw failure(invoiceId, attempt, entry, e);
    }
  }

  @Override
  public void markFailed(long invoiceId, String error) {
    syncs.markFailed(invoiceId, error, clock.instant());
  }

  /** The invoice; an unknown one is refused for good (there is nothing to log the attempt against). */
  private InvoiceRecord load(long invoiceId, int attempt) {
    Optional<InvoiceRecord> invoice;
    try {
      invoice = invoices.findById(invoiceId);
    } catch (RuntimeException e) {
      throw failure(invoiceId, attempt, null, e);
    }
    return invoice.orElseThrow(
        () -> ApplicationFailure.newNonRetryableFailure("no invoice " + invoiceId, VALIDATION_FAILED));
  }

  /** Records the failed attempt (as far as our database lets us) and says whether to retry. */
  private ApplicationFailure failure(long invoiceId, int attempt, CfoRevenueEntry entry, RuntimeException e) {
    String message = CfoSyncFailures.describe(e);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("error", message);
    if (CfoSyncFailures.isPermanent(e)) {
      response.put("retryable", false);
      recordQuietly(() -> syncs.recordRejected(invoiceId, message, attemptLog(attempt, entry, response)));
      log.warn("CFO sync of invoice {} refused: {}", invoiceId, message);
      return ApplicationFailure.newNonRetryableFailureWithCause(message, VALIDATION_FAILED, e);
    }
    Duration delay = CfoRetrySchedule.delayAfter(attempt);
    response.put("retryable", true);
    response.put("retry_in_seconds", delay.toSeconds());
    recordQuietly(() -> syncs.recordRetry(invoiceId, message, attemptLog(attempt, entry, response)));
    log.warn("CFO sync of invoice {} failed (attempt {}), next in {}: {}", invoiceId, attempt, delay, message);
    return ApplicationFailure.newFailureWithCauseAndDelay(message, UNAVAILABLE, e, delay);
  }

  /** Our database may be what failed: the failure still goes back to the workflow. */
  private static void recordQuietly(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException e) {
      log.warn("Could not record the failed CFO sync attempt: {}", e.getMessage());
    }
  }

  private AttemptLog attemptLog(int attempt, CfoRevenueEntry entry, Map<String, Object> response) {
    return new AttemptLog(attempt, clock.instant(), entry == null ? null : json(entry.asPayload()), json(response));
  }

  private static Map<String, Object> booked(long transactionId, boolean linkedExisting) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("cfo_transaction_id", transactionId);
    response.put("linked_existing", linkedExisting);
    return response;
  }

  private static String json(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write " + value, e);
    }
  }
}
