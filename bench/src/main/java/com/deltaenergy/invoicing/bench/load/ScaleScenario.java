package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.Percentiles;
import com.deltaenergy.invoicing.bench.support.ProcessMemory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many open invoices, one worker: the number of open invoices is raised level by level (e.g. 10,
 * 1,000, 10,000) and at each level the deposit scanner is watched for some cycles. Per level: check
 * lag (from polling_log), exchange calls per cycle (polling_log and the sandbox's own count),
 * worker memory, and Temporal history events per invoice.
 */
final class ScaleScenario {

  static final long TARGET_LAG_P99_MS = 5_000;
  /** The worker process's target (issue 9); the embedded JVM's, holding Temporal too, is 1.5 GiB (issue 14). */
  static final long WORKER_MEMORY_TARGET_MIB = 1024;
  static final String HISTORY_ENDPOINT = "GET /sandbox/api/v3/capital/deposit/hisrec";

  private final InvoicingClient client;
  private final CreateLoad load;
  private final PollingLog pollingLog;
  private final WorkflowHistories histories;
  private final long workerPid;
  private final Report report;
  private final long memoryTargetBytes;

  ScaleScenario(
      InvoicingClient client, CreateLoad load, PollingLog pollingLog, WorkflowHistories histories, long workerPid,
      Report report, long memoryTargetMib) {
    this.memoryTargetBytes = memoryTargetMib << 20;
    this.client = client;
    this.load = load;
    this.pollingLog = pollingLog;
    this.histories = histories;
    this.workerPid = workerPid;
    this.report = report;
  }

  void run(
      List<Integer> levels, int cycles, Duration pollingInterval, int topUpClients, int historySample,
      Duration createBudget) {
    report.heading(3, "Scale: open invoices polled by one worker");
    report.paragraph(
        "Open invoices are raised to each level by creating invoices through the API (" + topUpClients
            + " concurrent clients); then " + cycles + " poll cycles (interval " + pollingInterval.toSeconds()
            + " s) are observed with that many watched addresses. Lag is read from `polling_log`: start"
            + " lag = cycle started − scheduled tick; completion lag = last address checked − scheduled"
            + " tick (what an invoice waits at most for its check). Exchange calls per cycle: the"
            + " scanner's own count in `polling_log` and the sandbox exchange's count of"
            + " `capital/deposit/hisrec` calls over the same window (all endpoints in brackets: the"
            + " 30 s exchange health check adds its calls). Memory: the worker process "
            + (workerPid > 0 ? "(pid " + workerPid + ")" : "(not given)") + ": resident set sampled every 2 s"
            + " (max, and the kernel's peak VmHWM), heap from `jcmd GC.heap_info` at the end of the level."
            + " History: events in the current run of up to " + historySample + " sampled invoice workflows."
            + " Creating invoices to reach a level stops after " + createBudget.toMinutes() + " min; the level is"
            + " then measured at what was reached, and the table says so.");
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> creationRows = new ArrayList<>();
    List<String> workflowIds = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (int level : levels) {
      long open = pollingLog.openWatches();
      int target = level;
      if (open < level) {
        int missing = (int) (level - open);
        CreateLatencyScenario.log("scale: creating %d invoices to reach %d open", missing, level);
        CreateLoad.Result created = load.countWithin(topUpClients, missing, createBudget, true);
        if (created.latencyNanos().size() < missing) {
          verdicts.add(
              String.format(
                  "Level %,d not reached: %,d of the %,d missing invoices were created within the %d min"
                      + " budget (%.1f/s); measured at what was reached.",
                  level, created.latencyNanos().size(), missing, createBudget.toMinutes(), created.perSecond()));
          target = (int) Math.min(level, open + created.latencyNanos().size());
        }
        created.created().forEach(c -> workflowIds.add(c.workflowId()));
        Percentiles ms = created.millis();
        creationRows.add(
            List.of(
                String.format("%,d", level), String.format("%,d", ms.count()), String.valueOf(created.errors()),
                Report.seconds(created.wallNanos() / 1e9), String.format("%.1f", created.perSecond()),
                Report.ms(ms.at(50)), Report.ms(ms.at(99))));
        created.errorSamples().forEach(e -> CreateLatencyScenario.log("error: %s", e));
      }
      awaitWatches(target);
      rows.add(observe(target, cycles, pollingInterval, workflowIds, historySample, verdicts));
    }
    report.paragraph("Creating the open invoices (throughput with " + topUpClients + " clients):");
    report.table(
        List.of(">level", ">created", ">errors", ">wall time", ">invoices/s", ">p50", ">p99"), creationRows);
    report.table(
        List.of(
            ">open invoices (watched addresses)", ">cycles", ">hisrec calls/cycle (scanner)", ">hisrec calls/cycle (sandbox) [all]",
            ">start lag p50 / p99", ">completion lag p50 / p99 / max", ">scan time max", ">worker RSS max / peak",
            ">heap used / committed", ">history events/invoice median / max"),
        rows);
    verdicts.forEach(report::bullet);
    report.endList();
  }

  private void awaitWatches(int level) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (pollingLog.openWatches() < level) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("fewer than " + level + " open watches after 10 minutes");
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  private List<String> observe(
      int level, int cycles, Duration interval, List<String> workflowIds, int historySample, List<String> verdicts) {
    CreateLatencyScenario.log("scale: observing %d cycles at %d open invoices", cycles, level);
    Instant from = Instant.now();
    JsonNode before = client.sandboxStats();
    AtomicLong maxRss = new AtomicLong(-1);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    if (workerPid > 0) {
      sampler.scheduleAtFixedRate(
          () -> maxRss.accumulateAndGet(rss(workerPid), Math::max), 0, 2, TimeUnit.SECONDS);
    }
    List<PollingLog.Cycle> observed;
    long deadline = System.nanoTime() + interval.multipliedBy(cycles + 3).toNanos();
    while (true) {
      observed = pollingLog.cyclesAfter(from).stream().filter(c -> c.watches() >= level).toList();
      if (observed.size() >= cycles) {
        observed = observed.subList(0, cycles);
        break;
      }
      if (System.nanoTime() > deadline) {
        CreateLatencyScenario.log("scale: only %d cycles logged at level %d before the deadline", observed.size(), level);
        break;
      }
      sleep(Duration.ofSeconds(1));
    }
    JsonNode after = client.sandboxStats();
    sampler.shutdownNow();
    ProcessMemory.Sample memory = workerPid > 0 ? ProcessMemory.sample(workerPid) : new ProcessMemory.Sample(-1, -1, -1, -1);
    int n = Math.max(1, observed.size());
    Percentiles startLag = Percentiles.of(observed.stream().map(PollingLog.Cycle::lagMs).toList());
    Percentiles completionLag = Percentiles.of(observed.stream().map(PollingLog.Cycle::completionLagMs).toList());
    Percentiles scan = Percentiles.of(observed.stream().map(PollingLog.Cycle::scanMs).toList());
    long scannerCalls = observed.stream().mapToLong(PollingLog.Cycle::exchangeCalls).sum();
    int maxCallsInACycle = observed.stream().mapToInt(PollingLog.Cycle::exchangeCalls).max().orElse(0);
    int coins = observed.stream().mapToInt(PollingLog.Cycle::coins).max().orElse(0);
    boolean onePerCoin = !observed.isEmpty() && observed.stream().allMatch(c -> c.exchangeCalls() <= c.coins());
    Map<String, Long> calls = callsBetween(before, after);
    long historyCalls = calls.getOrDefault(HISTORY_ENDPOINT, 0L);
    long allCalls = calls.values().stream().mapToLong(Long::longValue).sum();
    Percentiles events = Percentiles.of(sampleHistories(workflowIds, historySample));
    long rssMax = Math.max(maxRss.get(), memory.rssBytes());

    verdicts.add(
        String.format(
            "≥ %,d open: completion lag p99 %s ≤ 5 s %s; deposit-history calls per cycle %s (sandbox), at most %d"
                + " in a cycle (scanner) for %d coins, one per coin %s; worker RSS peak %s, heap committed %s"
                + " ≤ %s %s",
            level, Report.ms(completionLag.at(99)), Report.verdict(observed.size() > 0 && completionLag.at(99) <= TARGET_LAG_P99_MS),
            String.format("%.2f", (double) historyCalls / n), maxCallsInACycle, coins, Report.verdict(onePerCoin),
            ProcessMemory.mib(memory.peakRssBytes()), ProcessMemory.mib(memory.heapCommittedBytes()),
            ProcessMemory.mib(memoryTargetBytes),
            Report.verdict(workerPid > 0 && memory.peakRssBytes() <= memoryTargetBytes && memory.heapCommittedBytes() <= memoryTargetBytes)));
    int watched = observed.stream().mapToInt(PollingLog.Cycle::watches).max().orElse(0);
    return List.of(
        String.format("%,d", watched),
        String.valueOf(observed.size()),
        String.format("%.2f", (double) scannerCalls / n),
        String.format("%.2f [%.2f]", (double) historyCalls / n, (double) allCalls / n),
        Report.ms(startLag.at(50)) + " / " + Report.ms(startLag.at(99)),
        Report.ms(completionLag.at(50)) + " / " + Report.ms(completionLag.at(99)) + " / " + Report.ms(completionLag.max()),
        Report.ms(scan.max()),
        ProcessMemory.mib(rssMax) + " / " + ProcessMemory.mib(memory.peakRssBytes()),
        ProcessMemory.mib(memory.heapUsedBytes()) + " / " + ProcessMemory.mib(memory.heapCommittedBytes()),
        events.count() == 0 ? "n/a" : events.at(50) + " / " + events.max());
  }

  private List<Long> sampleHistories(List<String> workflowIds, int sample) {
    List<Long> events = new ArrayList<>();
    if (histories == null || workflowIds.isEmpty()) {
      return events;
    }
    int step = Math.max(1, workflowIds.size() / sample);
    for (int i = 0; i < workflowIds.size() && events.size() < sample; i += step) {
      try {
        events.add(histories.events(workflowIds.get(i)));
      } catch (RuntimeException e) {
        CreateLatencyScenario.log("history of %s: %s", workflowIds.get(i), e.getMessage());
      }
    }
    return events;
  }

  /** Calls per endpoint between two readings of /sandbox/stats. */
  static Map<String, Long> callsBetween(JsonNode before, JsonNode after) {
    Map<String, Long> calls = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> endpoint = it.next();
      long previous = before.path(endpoint.getKey()).path("calls").asLong(0);
      calls.put(endpoint.getKey(), endpoint.getValue().path("calls").asLong(0) - previous);
    }
    return calls;
  }

  private static long rss(long pid) {
    return ProcessMemory.rss(pid);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
