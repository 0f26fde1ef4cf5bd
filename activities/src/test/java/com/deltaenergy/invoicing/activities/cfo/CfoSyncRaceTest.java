package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncStatus;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities.CfoSyncResult;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two workers syncing the same invoice at the same moment book it once. */
class CfoSyncRaceTest extends CfoSyncTestSupport {

  private static final int INVOICES = 40;

  @Autowired CfoSyncActivitiesImpl activities;

  @Test
  void twoWorkersRacingOnEachInvoiceBookItExactlyOnce() throws Exception {
    CfoSyncActivities first = worker(activities);
    CfoSyncActivities second = worker(activities);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < INVOICES; i++) {
        InvoiceRecord invoice = paidInvoice();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<CfoSyncResult>> results =
            threads.invokeAll(
                List.of(
                    () -> {
                      start.await(10, TimeUnit.SECONDS);
                      return first.syncInvoice(invoice.id());
                    },
                    () -> {
                      start.await(10, TimeUnit.SECONDS);
                      return second.syncInvoice(invoice.id());
                    }));
        CfoSyncResult a = results.get(0).get();
        CfoSyncResult b = results.get(1).get();

        assertThat(ledgerRows(invoice.invoiceNumber())).as("ledger rows of %s", invoice.invoiceNumber()).isEqualTo(1);
        assertThat(a.cfoTransactionId()).isEqualTo(b.cfoTransactionId());
        assertThat(List.of(a.linkedExisting(), b.linkedExisting())).as("one booked, one linked").containsOnlyOnce(false);
        var mapping = syncs.find(invoice.id()).orElseThrow();
        assertThat(mapping.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
        assertThat(mapping.cfoTransactionId()).isEqualTo(a.cfoTransactionId());
        assertThat(queries.attempts(invoice.id())).hasSize(2);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
