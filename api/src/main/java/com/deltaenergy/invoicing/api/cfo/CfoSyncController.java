package com.deltaenergy.invoicing.api.cfo;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncFigures;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncMapping;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries.PendingSync;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncStatus;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking paid invoices in the CFO ledger, as the seed's integration guide exposes it: trigger a
 * sync by hand, look at one invoice's sync, the invoices waiting, and the figures. Reads our
 * mapping tables; a manual sync is done by the invoice's workflow, which this only signals.
 */
@RestController
@RequestMapping("/api")
public class CfoSyncController {

  private static final String DEFAULT_REASON = "manual CFO sync requested";

  private final InvoiceService invoices;
  private final InvoiceWorkflowClient workflows;
  private final CfoSyncQueries syncs;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;
  private final Clock clock;

  public CfoSyncController(
      InvoiceService invoices,
      InvoiceWorkflowClient workflows,
      CfoSyncQueries syncs,
      CurrentTenant tenant,
      CurrentOperator operator,
      Clock clock) {
    this.invoices = invoices;
    this.workflows = workflows;
    this.syncs = syncs;
    this.tenant = tenant;
    this.operator = operator;
    this.clock = clock;
  }

  /** Why the operator syncs by hand; optional, it goes to the audit trail. */
  public record SyncRequest(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {}

  /** The seed's answer to a manual sync; {@code success} once the invoice is booked. */
  public record SyncResponse(
      boolean success,
      long invoiceId,
      Long cfoTransactionId,
      String syncStatus,
      Instant syncTimestamp,
      String message) {}

  public record SyncStatusResponse(
      long invoiceId,
      String invoiceNumber,
      String invoiceStatus,
      String syncStatus,
      Long cfoTransactionId,
      Instant syncTimestamp,
      String entityMapped,
      String businessUnitMapped,
      String categoryMapped,
      String subcategoryMapped,
      BigDecimal confidenceScore,
      int retryCount,
      String syncError) {}

  public record PendingInvoice(
      long invoiceId,
      String invoiceNumber,
      String clientName,
      BigDecimal amountUsd,
      String cryptoCurrency,
      Instant paidAt,
      String syncStatus,
      int retryCount,
      String syncError,
      Instant lastAttemptAt) {

    static PendingInvoice of(PendingSync pending) {
      return new PendingInvoice(
          pending.invoiceId(), pending.invoiceNumber(), pending.clientName(), pending.amountUsd(),
          pending.cryptoCurrency(), pending.paidAt(), pending.syncStatus().wireName(), pending.retryCount(),
          pending.syncError(), pending.lastAttemptAt());
    }
  }

  public record PendingResponse(int count, List<PendingInvoice> invoices) {}

  /**
   * The seed's key metrics, as the API process's gauges report them (here for the tenant).
   *
   * @param syncLagSeconds average payment-to-booking time of the last 24 hours' bookings
   * @param successRatePercent booked share of the syncs settled in the last 7 days
   */
  public record StatsResponse(
      BigDecimal syncLagSeconds,
      BigDecimal successRatePercent,
      long pending,
      long failed,
      // SNAKE_CASE alone would write synced_last24_hours
      @JsonProperty("synced_last_24_hours") long syncedLast24Hours,
      Instant asOf) {}

  /**
   * Asks the invoice's workflow to book it now (202): the workflow retries a sync that failed and
   * ignores the request while one is under way. It decides rather than our mapping, which can lag
   * behind it (an attempt that outlived its timeout may record a retry after the workflow gave
   * up). A booked invoice answers with its ledger row (200); an unpaid one cannot be booked (409).
   */
  @ApiResponse(responseCode = "200", description = "Booked in the CFO ledger",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = SyncResponse.class)))
  @ApiResponse(responseCode = "202", description = "Sync requested: the invoice's workflow books it",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = SyncResponse.class)))
  @ErrorResponses({HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE})
  @PostMapping("/invoice/{id}/sync-to-cfo")
  ResponseEntity<SyncResponse> syncToCfo(
      @PathVariable long id, @Valid @RequestBody(required = false) SyncRequest body) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    Optional<CfoSyncMapping> mapping = syncs.find(id);
    if (mapping.isPresent() && mapping.get().synced()) {
      CfoSyncMapping synced = mapping.get();
      return ResponseEntity.ok(
          new SyncResponse(
              true, id, synced.cfoTransactionId(), synced.syncStatus().wireName(), synced.syncTimestamp(),
              "booked in the CFO ledger"));
    }
    if (invoice.status() != InvoiceStatus.PAID) {
      throw new ConflictException(
          "invoice " + invoice.invoiceNumber() + " is " + invoice.status().wireName()
              + "; only paid invoices are booked in the CFO ledger");
    }
    String reason = body == null || body.reason() == null || body.reason().isBlank() ? DEFAULT_REASON : body.reason().trim();
    workflows.retryCfoSync(invoice, new OperatorReason(reason, operator.name()));
    CfoSyncStatus status = mapping.map(CfoSyncMapping::syncStatus).orElse(CfoSyncStatus.PENDING);
    String message =
        status == CfoSyncStatus.FAILED
            ? "retry requested: the invoice's workflow books it now"
            : "a sync is under way; failed attempts are retried after 1, 5 and 15 minutes";
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new SyncResponse(false, id, null, status.wireName(), null, message));
  }

  @GetMapping("/invoice/{id}/sync-status")
  SyncStatusResponse syncStatus(@PathVariable long id) {
    InvoiceRecord invoice = invoices.get(tenant.id(), id);
    Optional<CfoSyncMapping> mapping = syncs.find(id);
    String status =
        mapping.map(m -> m.syncStatus().wireName())
            .orElse(invoice.status() == InvoiceStatus.PAID ? CfoSyncStatus.PENDING.wireName() : null);
    return new SyncStatusResponse(
        id,
        invoice.invoiceNumber(),
        invoice.status().wireName(),
        status,
        mapping.map(CfoSyncMapping::cfoTransactionId).orElse(null),
        mapping.map(CfoSyncMapping::syncTimestamp).orElse(null),
        mapping.map(CfoSyncMapping::entityMapped).orElse(null),
        mapping.map(CfoSyncMapping::businessUnitMapped).orElse(null),
        mapping.map(CfoSyncMapping::categoryMapped).orElse(null),
        mapping.map(CfoSyncMapping::subcategoryMapped).orElse(null),
        mapping.map(CfoSyncMapping::confidenceScore).orElse(null),
        mapping.map(CfoSyncMapping::retryCount).orElse(0),
        mapping.map(CfoSyncMapping::syncError).orElse(null));
  }

  @GetMapping("/cfo-sync/pending")
  PendingResponse pending() {
    List<PendingInvoice> pending = syncs.pending(tenant.id()).stream().map(PendingInvoice::of).toList();
    return new PendingResponse(pending.size(), pending);
  }

  @GetMapping("/cfo-sync/stats")
  StatsResponse stats() {
    Instant now = clock.instant();
    CfoSyncFigures figures = syncs.figures(tenant.id(), now);
    return new StatsResponse(
        figures.lagSeconds(), figures.successRatePercent(), figures.pending(), figures.failed(),
        figures.syncedLast24Hours(), now);
  }
}
