package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.InvoiceRequests;
import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.InvoicingClient.Invoice;
import com.deltaenergy.invoicing.bench.support.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Detection latency: from the moment a sandbox deposit reaches the invoice's required
 * confirmations to the moment the API reads the invoice as paid. Deposits arrive with their
 * confirmations pinned at 0; each is raised to the required count at a random moment of the poll
 * cycle, so the figures cover the whole range from "just before a cycle" to "just after one".
 */
final class DetectionScenario {

  static final Duration API_POLL = Duration.ofMillis(200);
  static final long TARGET_SLACK_MS = 2_000;

  private static final Set<String> PAID = Set.of("paid", "complete");

  private final InvoicingClient client;
  private final Report report;
  private final AtomicLong sequence;
  private final WorkflowHistories histories;

  DetectionScenario(InvoicingClient client, Report report, AtomicLong sequence, WorkflowHistories histories) {
    this.client = client;
    this.report = report;
    this.sequence = sequence;
    this.histories = histories;
  }

  /** One invoice's measurement; latency -1 when it did not read paid in time. */
  private record Measurement(String workflowId, long latencyMs, String note) {}

  void run(int invoices, Duration pollingInterval) {
    report.heading(3, "Detection latency: confirmations reached → API reads `paid`");
    CreateLatencyScenario.log("detection: %d invoices, polling interval %s", invoices, pollingInterval);
    List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(invoices);
    for (int i = 0; i < invoices; i++) {
      pool.execute(() -> measurements.add(measure(pollingInterval)));
    }
    pool.shutdown();
    try {
      pool.awaitTermination(1, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Long> latencies = measurements.stream().filter(m -> m.latencyMs() >= 0).map(Measurement::latencyMs).toList();
    Percentiles ms = Percentiles.of(latencies);
    long target = pollingInterval.toMillis() + TARGET_SLACK_MS;
    int missing = invoices - latencies.size();
    report.paragraph(
        invoices + " invoices (coins rotating), each paid in full with a sandbox deposit whose"
            + " confirmations stay at 0 until, at a random moment within one polling interval ("
            + pollingInterval.toSeconds() + " s), they are set to the invoice's required count. The clock"
            + " starts just before that call and stops when `GET /api/invoice/{id}` (polled every "
            + API_POLL.toMillis() + " ms) first reads `paid` (or `complete`).");
    report.table(
        List.of(">invoices", ">read paid", ">p50", ">p95", ">max", ">mean"),
        List.of(
            List.of(
                String.valueOf(invoices), String.valueOf(latencies.size()), Report.ms(ms.at(50)),
                Report.ms(ms.at(95)), Report.ms(ms.max()), Report.ms(ms.mean()))));
    report.paragraph(
        "Target ≤ polling interval + 2 s = " + target / 1000 + " s for every invoice: "
            + Report.verdict(missing == 0 && ms.max() <= target) + " (max " + Report.ms(ms.max())
            + (missing > 0 ? ", " + missing + " never read paid within the wait" : "") + ").");
    measurements.stream().filter(m -> m.note() != null).forEach(m -> CreateLatencyScenario.log("%s: %s", m.workflowId(), m.note()));
    fullLifecycleHistories(measurements);
  }

  private Measurement measure(Duration pollingInterval) {
    long n = sequence.getAndIncrement();
    Invoice invoice =
        new Invoice(client.create(InvoiceRequests.body(InvoiceRequests.ALL.get((int) (n % InvoiceRequests.ALL.size())), n)).body());
    try {
      invoice = awaitIssued(invoice);
      String txId = client.deposit(invoice.depositAddress(), invoice.cryptoAmount(), invoice.currency(), invoice.network());
      client.pinConfirmations(txId, 0);
      int required = invoice.confirmationsRequired() > 0 ? invoice.confirmationsRequired() : client.invoice(invoice.id()).confirmationsRequired();
      Thread.sleep(ThreadLocalRandom.current().nextLong(pollingInterval.toMillis()));
      long confirmedAt = System.nanoTime();
      client.pinConfirmations(txId, required);
      long deadline = confirmedAt + pollingInterval.multipliedBy(3).plusSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        Thread.sleep(API_POLL.toMillis());
        if (PAID.contains(client.invoice(invoice.id()).status())) {
          return new Measurement(invoice.workflowId(), (System.nanoTime() - confirmedAt) / 1_000_000, null);
        }
      }
      return new Measurement(invoice.workflowId(), -1, "not paid within the wait");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Measurement(invoice.workflowId(), -1, "interrupted");
    } catch (RuntimeException e) {
      return new Measurement(invoice.workflowId(), -1, e.getMessage());
    }
  }

  private Invoice awaitIssued(Invoice invoice) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!invoice.issued()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("invoice " + invoice.number() + " was not issued within 120 s");
      }
      Thread.sleep(500);
      invoice = client.invoice(invoice.id());
    }
    return invoice;
  }

  /** History size of a whole lifecycle: issued, paid, booked in the ledger, complete. */
  private void fullLifecycleHistories(List<Measurement> measurements) {
    if (histories == null) {
      return;
    }
    List<Long> events = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    for (Measurement m : measurements) {
      if (m.latencyMs() < 0) {
        continue;
      }
      try {
        while (System.nanoTime() < deadline && !closed(m.workflowId())) {
          Thread.sleep(1000);
        }
        events.add(histories.events(m.workflowId()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        CreateLatencyScenario.log("history of %s: %s", m.workflowId(), e.getMessage());
      }
    }
    Percentiles p = Percentiles.of(events);
    report.paragraph(
        "Temporal history of these invoices' whole lifecycle (issued → paid → booked in the CFO ledger →"
            + " complete, e-mails delivered): " + p.count() + " workflows, median " + p.at(50)
            + " events, max " + p.max() + ".");
  }

  private boolean closed(String workflowId) {
    return histories.closed(workflowId);
  }
}
