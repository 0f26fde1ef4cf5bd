package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries.PendingSync;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.AttemptLog;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository.Booking;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncStatus;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's database objects: v_crypto_invoices_pending_sync, v_crypto_invoices_synced and
 * get_invoices_ready_for_sync(). Other tests share the database, so each assertion looks at this
 * test's invoices only.
 */
class CfoSyncViewsTest extends CfoSyncTestSupport {

  private InvoiceRecord neverTried;
  private InvoiceRecord retrying;
  private InvoiceRecord refused;
  private InvoiceRecord failedAfterRetries;
  private InvoiceRecord synced;
  private InvoiceRecord complete;
  private InvoiceRecord unpaid;
  private InvoiceRecord paidLast;
  private Set<Long> mine;

  @BeforeEach
  void invoicesInEveryState() {
    neverTried = paidInvoice(ALPS_BLOCKCHAIN, "100.00", "October 2025", "Mining", hoursAgo(3));
    retrying = paidInvoice(EXOS_CAPITAL, "200.00", "October 2025", "Hosting", hoursAgo(4));
    attempt(retrying, 2);
    refused = paidInvoice(GM_DATA_CENTERS, "300.00", "October 2025", "Colocation", hoursAgo(5));
    syncs.recordRejected(refused.id(), "amount_usd must be positive", log(1));
    failedAfterRetries = paidInvoice(OTHER, "400.00", "October 2025", "Platform", hoursAgo(6));
    attempt(failedAfterRetries, 4);
    syncs.markFailed(failedAfterRetries.id(), "ledger unreachable", clock.instant());
    synced = paidInvoice(ALPS_BLOCKCHAIN, "500.00", "October 2025", "Mining", hoursAgo(2));
    book(synced, synced.progress().paidAt().plusSeconds(90));
    complete = paidInvoice(EXOS_CAPITAL, "600.00", "October 2025", "Hosting", hoursAgo(7));
    book(complete, complete.progress().paidAt().plusSeconds(30));
    jdbc.sql("UPDATE invoices SET status = 'complete' WHERE id = ?").param(complete.id()).update();
    unpaid = invoice(ALPS_BLOCKCHAIN, "700.00", "October 2025", "Mining");
    paidLast = paidInvoice(OTHER, "800.00", "October 2025", "Validator", hoursAgo(1));
    mine =
        Set.of(neverTried.id(), retrying.id(), refused.id(), failedAfterRetries.id(), synced.id(), complete.id(),
            unpaid.id(), paidLast.id());
  }

  @Test
  void pendingShowsEveryPaidInvoiceNotBookedWithItsStatusAndRetries() {
    Map<Long, PendingSync> pending =
        queries.pending(1).stream()
            .filter(p -> mine.contains(p.invoiceId()))
            .collect(Collectors.toMap(PendingSync::invoiceId, Function.identity()));

    assertThat(pending.keySet())
        .containsExactlyInAnyOrder(neverTried.id(), retrying.id(), refused.id(), failedAfterRetries.id(), paidLast.id());
    assertThat(pending.get(neverTried.id()).syncStatus()).isEqualTo(CfoSyncStatus.PENDING);
    assertThat(pending.get(neverTried.id()).retryCount()).isZero();
    assertThat(pending.get(retrying.id()).syncStatus()).isEqualTo(CfoSyncStatus.RETRY);
    assertThat(pending.get(retrying.id()).retryCount()).isEqualTo(2);
    assertThat(pending.get(refused.id()).syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
    assertThat(pending.get(refused.id()).syncError()).isEqualTo("amount_usd must be positive");
    assertThat(pending.get(failedAfterRetries.id()).syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
    assertThat(pending.get(failedAfterRetries.id()).retryCount()).isEqualTo(4);
    PendingSync first = pending.get(neverTried.id());
    assertThat(first.invoiceNumber()).isEqualTo(neverTried.invoiceNumber());
    assertThat(first.clientName()).isEqualTo("Alps Blockchain");
    assertThat(first.amountUsd()).isEqualByComparingTo("100.00");
    assertThat(first.cryptoCurrency()).isEqualTo("USDT");
    assertThat(first.paidAt()).isEqualTo(neverTried.progress().paidAt());

    // The seed's recovery query: failed syncs with retries left.
    List<Long> recoverable =
        jdbc.sql("SELECT invoice_id FROM v_crypto_invoices_pending_sync WHERE sync_status = 'failed' AND retry_count < 3")
            .query(Long.class)
            .list();
    assertThat(recoverable).filteredOn(mine::contains).containsExactly(refused.id());
  }

  @Test
  void syncedShowsBookedInvoicesWithTheLedgerRowAndTheLag() {
    List<Map<String, Object>> rows =
        jdbc.sql("SELECT * FROM v_crypto_invoices_synced WHERE invoice_id IN (:ids) ORDER BY invoice_id")
            .param("ids", mine)
            .query()
            .listOfRows();

    assertThat(rows).extracting(row -> row.get("invoice_id")).containsExactly(synced.id(), complete.id());
    Map<String, Object> row = rows.get(0);
    assertThat(row.get("invoice_number")).isEqualTo(synced.invoiceNumber());
    assertThat(row.get("client_name")).isEqualTo("Alps Blockchain");
    assertThat(row.get("invoice_status")).isEqualTo("paid");
    assertThat(row.get("cfo_transaction_id")).isEqualTo(9000 + synced.id());
    assertThat(row.get("entity_mapped")).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(row.get("category_mapped")).isEqualTo("Revenue");
    assertThat((BigDecimal) row.get("sync_lag_seconds")).isEqualByComparingTo("90");
    assertThat(rows.get(1).get("invoice_status")).isEqualTo("complete");
    assertThat((BigDecimal) rows.get(1).get("sync_lag_seconds")).isEqualByComparingTo("30");
  }

  @Test
  void readyForSyncAreThePaidNeverTriedOrFailedWithRetriesLeftOldestPaymentFirst() {
    List<Map<String, Object>> ready =
        jdbc.sql("SELECT * FROM get_invoices_ready_for_sync()").query().listOfRows().stream()
            .filter(row -> mine.contains((Long) row.get("invoice_id")))
            .toList();

    assertThat(ready)
        .extracting(row -> row.get("invoice_id"))
        .containsExactly(refused.id(), neverTried.id(), paidLast.id());
    assertThat(ready).extracting(row -> row.get("sync_status")).containsExactly("failed", null, null);
    assertThat(ready).extracting(row -> row.get("retry_count")).containsExactly(0, 0, 0);
    assertThat(ready.get(0).get("client_name")).isEqualTo("GM Data Centers");
  }

  private void attempt(InvoiceRecord invoice, int transientFailures) {
    for (int attempt = 1; attempt <= transientFailures; attempt++) {
      syncs.recordRetry(invoice.id(), "connection refused", log(attempt));
    }
  }

  private void book(InvoiceRecord invoice, Instant at) {
    syncs.recordSynced(
        invoice.id(),
        new Booking(9000 + invoice.id(), "Delta Mining Paraguay S.A.", "Paraguay Mining", "Revenue", "Mining Revenue",
            new BigDecimal("1.0")),
        new AttemptLog(1, at, null, "{}"));
  }

  private AttemptLog log(int attempt) {
    return new AttemptLog(attempt, clock.instant(), null, "{\"error\": \"test\"}");
  }
}
