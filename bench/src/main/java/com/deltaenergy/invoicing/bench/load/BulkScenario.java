package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.Percentiles;
import java.util.List;

/** Invoices created back to back by one client: wall time and invoices per second. */
final class BulkScenario {

  private final CreateLoad load;
  private final Report report;

  BulkScenario(CreateLoad load, Report report) {
    this.load = load;
    this.report = report;
  }

  void run(int count) {
    report.heading(3, "Bulk: " + String.format("%,d", count) + " invoices back to back");
    CreateLatencyScenario.log("bulk: %d creates, one client", count);
    CreateLoad.Result result = load.count(1, count, false);
    Percentiles micros = result.micros();
    report.paragraph(
        "One client, each create sent as soon as the previous one is answered (so each waits for its"
            + " invoice to be issued, as an operator's script would).");
    report.table(
        List.of(">invoices", ">errors", ">not issued in time", ">wall time", ">invoices/s", ">p50", ">p99", ">max"),
        List.of(
            List.of(
                String.format("%,d", micros.count()), String.valueOf(result.errors()),
                String.valueOf(result.notIssued()), Report.seconds(result.wallNanos() / 1e9),
                String.format("%.1f", result.perSecond()), Report.micros(micros.at(50)),
                Report.micros(micros.at(99)), Report.micros(micros.max()))));
    result.errorSamples().forEach(e -> CreateLatencyScenario.log("error: %s", e));
  }
}
