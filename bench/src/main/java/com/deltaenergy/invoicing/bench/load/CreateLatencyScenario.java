package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Create-invoice latency and throughput at several numbers of concurrent clients. Each create is
 * the whole API call: validation, invoice number, workflow start, deposit address and rate from
 * the exchange, PDF, and the wait until the workflow reports the invoice issued.
 */
final class CreateLatencyScenario {

  static final int TARGET_CLIENTS = 8;
  static final long TARGET_P99_MS = 200;

  /** Invoices of the target level whose history is read from Temporal. */
  static final int HISTORY_SAMPLE = 20;

  private final CreateLoad load;
  private final Report report;
  /** Temporal's histories, or null when the driver was given no --temporal. */
  private final WorkflowHistories histories;

  CreateLatencyScenario(CreateLoad load, Report report, WorkflowHistories histories) {
    this.load = load;
    this.report = report;
    this.histories = histories;
  }

  /** Returns the p99 at the target's client count, or -1 when that level was not run. */
  long run(List<Integer> clientLevels, Duration warmUp, Duration perLevel) {
    report.heading(3, "Create invoice: latency and throughput");
    log("warm-up: %s at %d clients (not counted)", warmUp, TARGET_CLIENTS);
    CreateLoad.Result warm = load.forDuration(TARGET_CLIENTS, warmUp, false);
    report.paragraph(
        "`POST /api/invoice/create`, closed loop: each client sends the next request when the last is"
            + " answered. A create answers once the invoice is issued: invoice number, workflow start,"
            + " deposit address and locked rate from the (sandbox) exchange over HTTP, PDF rendered,"
            + " workflow reports issued. Coins rotate over USDT (TRC20, ERC20, BEP20), BTC and TAO."
            + " Warm-up: " + warmUp.toSeconds() + " s at " + TARGET_CLIENTS + " clients (" + warm.latencyNanos().size()
            + " creates, not counted); then " + perLevel.toSeconds() + " s per level.");
    List<List<String>> rows = new ArrayList<>();
    long targetP99 = -1;
    List<CreateLoad.Created> sample = List.of();
    for (int clients : clientLevels) {
      log("%d clients for %s", clients, perLevel);
      CreateLoad.Result result = load.forDuration(clients, perLevel, clients == TARGET_CLIENTS);
      Percentiles micros = result.micros();
      rows.add(
          List.of(
              String.valueOf(clients), String.format("%,d", micros.count()), String.valueOf(result.errors()),
              String.valueOf(result.notIssued()), String.format("%.1f/s", result.perSecond()),
              Report.micros(micros.at(50)), Report.micros(micros.at(95)), Report.micros(micros.at(99)),
              Report.micros(micros.max())));
      if (clients == TARGET_CLIENTS) {
        targetP99 = micros.at(99) / 1000;
        sample = result.created();
      }
      result.errorSamples().forEach(e -> log("error: %s", e));
    }
    report.table(
        List.of(">clients", ">creates", ">errors", ">not issued in time", ">throughput", ">p50", ">p95", ">p99", ">max"),
        rows);
    if (targetP99 >= 0) {
      report.paragraph(
          "Target p99 ≤ " + TARGET_P99_MS + " ms at " + TARGET_CLIENTS + " clients: "
              + Report.verdict(targetP99 <= TARGET_P99_MS) + " (measured " + targetP99 + " ms).");
    }
    issueHistories(sample);
    return targetP99;
  }

  /**
   * History events to issue an invoice: the whole history of invoices created at the target level,
   * read from Temporal when the level ended (issued and open: nothing paid, no reminder due yet).
   */
  private void issueHistories(List<CreateLoad.Created> created) {
    if (histories == null || created.isEmpty()) {
      return;
    }
    List<Long> events = new ArrayList<>();
    for (CreateLoad.Created invoice : created.subList(0, Math.min(HISTORY_SAMPLE, created.size()))) {
      try {
        events.add(histories.events(invoice.workflowId()));
      } catch (RuntimeException e) {
        log("history of %s: %s", invoice.workflowId(), e.getMessage());
      }
    }
    Percentiles p = Percentiles.of(events);
    report.paragraph(
        "History events to issue an invoice (Temporal's history of " + p.count() + " invoices created at "
            + TARGET_CLIENTS + " clients, read when the level ended: issued, open): median " + p.at(50)
            + ", max " + p.max() + ".");
  }

  static void log(String format, Object... args) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }
}
