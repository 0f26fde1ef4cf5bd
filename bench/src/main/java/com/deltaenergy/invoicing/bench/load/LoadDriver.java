package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.Machine;
import com.deltaenergy.invoicing.bench.support.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver: runs the benchmark scenarios against a running stack (embedded, or API + worker
 * on a real Temporal server), prints the results as Markdown and appends them to the report file
 * (docs/BENCHMARKS.md). Every figure comes from a measurement of this run. {@code scripts/bench.sh}
 * starts a stack and runs this; see it for the options.
 */
public final class LoadDriver {

  private LoadDriver() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<String> scenarios = options.list("scenarios", "create,bulk,detection,scale");
    InvoicingClient client =
        new InvoicingClient(
            options.get("api", "http://127.0.0.1:5002"),
            options.get("sandbox", options.get("api", "http://127.0.0.1:5002") + "/sandbox"),
            options.apiKey(),
            Duration.ofSeconds(60));
    Duration pollingInterval = options.duration("polling-interval", Duration.ofSeconds(30));
    long workerPid = options.longValue("worker-pid", -1);

    Report report = new Report();
    report.heading(2, "Load driver: " + options.get("stack", "unnamed") + " stack, " + Machine.now());
    report.bullet("Command: `" + options.get("command", "(not given)") + "`");
    report.bullet("Driver: `java -cp bench/target/benchmarks.jar " + LoadDriver.class.getName() + " " + String.join(" ", redacted(args)) + "`");
    report.bullet("Machine: " + Machine.describe());
    report.bullet("Stack: " + options.get("stack-description", "(not described)"));
    report.bullet("Load average (1/5/15 min) at the start: " + Machine.loadAverage());
    report.endList();

    AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    CreateLoad load = new CreateLoad(client, sequence);
    PollingLog pollingLog =
        options.has("db-url")
            ? new PollingLog(options.get("db-url", ""), options.get("db-user", "postgres"), options.get("db-password", ""))
            : null;
    try (WorkflowHistories histories =
        options.has("temporal") ? new WorkflowHistories(options.get("temporal", ""), options.get("namespace", "default")) : null) {
      for (String scenario : scenarios) {
        switch (scenario) {
          case "create" ->
              new CreateLatencyScenario(load, report, histories)
                  .run(
                      options.intList("clients", "1,8,32"),
                      options.duration("warmup", Duration.ofSeconds(20)),
                      options.duration("level-duration", Duration.ofSeconds(30)));
          case "bulk" -> new BulkScenario(load, report).run(options.intValue("bulk", 1000));
          case "detection" ->
              new DetectionScenario(client, report, sequence, histories).run(options.intValue("detection", 12), pollingInterval);
          case "scale" -> {
            if (pollingLog == null) {
              throw new IllegalArgumentException("the scale scenario reads polling_log: give --db-url");
            }
            new ScaleScenario(
                    client, load, pollingLog, histories, workerPid, report,
                    options.longValue("memory-target-mib", ScaleScenario.WORKER_MEMORY_TARGET_MIB))
                .run(
                    options.intList("scale-levels", "10,1000,10000"),
                    options.intValue("scale-cycles", 4),
                    pollingInterval,
                    options.intValue("scale-clients", 8),
                    options.intValue("history-sample", 50),
                    options.duration("scale-create-budget", Duration.ofMinutes(10)));
          }
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
      }
    }
    report.paragraph("Load average (1/5/15 min) at the end: " + Machine.loadAverage() + ".");
    String file = options.get("report", "");
    if (!file.isBlank()) {
      report.appendTo(Path.of(file));
      System.err.println("[bench] appended to " + file);
    }
    System.exit(0);
  }

  /** The command line as recorded in the report: an API key is never written down. */
  private static List<String> redacted(String[] args) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      out.add(args[i]);
      if (args[i].equals("--api-key") && i + 1 < args.length) {
        out.add("***");
        i++;
      } else if (args[i].equals("--command") || args[i].equals("--stack-description")) {
        if (i + 1 < args.length) {
          out.add("'…'");
          i++;
        }
      }
    }
    return out;
  }
}
