package com.deltaenergy.invoicing.bench.faults;

import com.deltaenergy.invoicing.bench.support.InvoiceRequests;
import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.InvoicingClient.Invoice;
import com.deltaenergy.invoicing.bench.support.Options;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite's hands and eyes, driven by {@code scripts/faults.sh} while it kills and restarts
 * processes. Every call is real HTTP to the API and the sandbox exchange, every check a real query.
 *
 * <pre>
 * create --count N --ledger FILE [--cancel-every K]  create invoices; one line per invoice in FILE
 * pay    --ledger FILE                               pay each "pay" invoice in full, cancel the others
 * await  --ledger FILE --status final|paid --timeout 300s
 * verify --ledger FILE --db-url URL --cfo-url URL --cfo-table T --smtp-log FILE --name NAME
 *        [--kills N] [--rate-limit 500]
 * faults --error-rate 0.3 --status 503 --retry-after 0 --latency-ms 0 [--venue mexc|binance] | faults --clear
 *        | faults --reset-stats
 * issue-until --provider P --db-url URL --ledger FILE --timeout 90s
 *                                                    one invoice at a time until one is issued on P
 * </pre>
 *
 * A ledger line may carry a fourth column: the exchange that must have issued the invoice's
 * address (mexc, binance); verify checks it against {@code invoices.exchange_provider}.
 *
 * The API key comes from INVOICING_API_KEY. Calls that fail because a process is down are retried
 * until the command's deadline: the processes come and go on purpose.
 */
public final class FaultProbe {

  private final InvoicingClient client;
  private final Options options;

  private FaultProbe(Options options) {
    this.options = options;
    this.client =
        new InvoicingClient(
            options.get("api", "http://127.0.0.1:5002"),
            options.get("sandbox", options.get("api", "http://127.0.0.1:5002") + "/sandbox"),
            options.apiKey(),
            Duration.ofSeconds(30));
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options.positional().isEmpty()) {
      System.err.println("usage: FaultProbe create|pay|await|verify|faults [options]");
      System.exit(2);
    }
    FaultProbe probe = new FaultProbe(options);
    int exit =
        switch (options.positional().get(0)) {
          case "create" -> probe.create();
          case "pay" -> probe.pay();
          case "await" -> probe.await();
          case "verify" -> new Verification(probe.client, options).run();
          case "faults" -> probe.faults();
          case "issue-until" -> probe.issueUntil();
          default -> {
            System.err.println("unknown command " + options.positional().get(0));
            yield 2;
          }
        };
    System.exit(exit);
  }

  // ---- create ----

  /** Creates invoices (4 at a time) and writes each as a line: id, workflow id, plan. */
  private int create() throws Exception {
    int count = options.intValue("count", 10);
    int cancelEvery = options.intValue("cancel-every", 0);
    Path ledger = Path.of(options.require("ledger"));
    long deadline = deadline(Duration.ofMinutes(5));
    long base = System.currentTimeMillis() % 1_000_000;
    AtomicInteger next = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      pool.execute(
          () -> {
            int n;
            while ((n = next.getAndIncrement()) < count) {
              String plan = cancelEvery > 0 && (n + 1) % cancelEvery == 0 ? "cancel" : "pay";
              try {
                Invoice invoice = createOne(base + n, deadline);
                append(ledger, invoice.id() + "\t" + invoice.workflowId() + "\t" + plan);
              } catch (RuntimeException e) {
                failures.add(e.getMessage());
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    log("created %d of %d invoices", count - failures.size(), count);
    failures.stream().limit(5).forEach(f -> log("create failed: %s", f));
    return failures.isEmpty() ? 0 : 1;
  }

  private Invoice createOne(long n, long deadline) {
    Map<String, Object> body = InvoiceRequests.nth(n);
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        InvoicingClient.Reply reply = client.create(body);
        if (reply.status() == 201 || reply.status() == 202) {
          return new Invoice(reply.body());
        }
        last = new IllegalStateException("create answered HTTP " + reply.status() + ": " + reply.body());
        if (reply.status() < 500) {
          throw last; // a client error will not go away by retrying
        }
      } catch (java.io.UncheckedIOException e) {
        last = e; // the API is down right now
      }
      sleep(Duration.ofSeconds(1));
    }
    throw last == null ? new IllegalStateException("create timed out") : last;
  }

  // ---- pay ----

  /** Pays every "pay" invoice in full once it is issued; cancels every "cancel" invoice. */
  private int pay() throws Exception {
    List<Line> lines = Line.read(Path.of(options.require("ledger")));
    long deadline = deadline(Duration.ofMinutes(5));
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (Line line : lines) {
      pool.execute(
          () -> {
            try {
              if (line.plan().equals("cancel")) {
                cancel(line, deadline);
              } else {
                Invoice invoice = awaitIssued(line.id(), deadline);
                retry(
                    () -> client.deposit(invoice.depositAddress(), invoice.cryptoAmount(), invoice.currency(), invoice.network()),
                    deadline);
              }
            } catch (RuntimeException e) {
              failures.add(line.id() + ": " + e.getMessage());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    log("paid or cancelled %d of %d invoices", lines.size() - failures.size(), lines.size());
    failures.stream().limit(5).forEach(f -> log("pay failed: %s", f));
    return failures.isEmpty() ? 0 : 1;
  }

  private void cancel(Line line, long deadline) {
    awaitIssued(line.id(), deadline);
    retry(
        () -> {
          InvoicingClient.Reply reply =
              client.send("POST", client.apiBase() + "/api/invoice/" + line.id() + "/cancel", Map.of("reason", "fault suite"));
          if (reply.status() == 409 && "cancelled".equals(client.invoice(line.id()).status())) {
            return reply; // an earlier attempt that timed out (no worker then) did cancel it
          }
          if (!reply.ok() && reply.status() >= 500) {
            throw new java.io.UncheckedIOException(new IOException("cancel answered " + reply.status()));
          }
          InvoicingClient.require(reply, "cancel " + line.id());
          return reply;
        },
        deadline);
  }

  private Invoice awaitIssued(long id, long deadline) {
    while (true) {
      Invoice invoice = retry(() -> client.invoice(id), deadline);
      if (invoice.issued()) {
        return invoice;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("invoice " + id + " not issued in time (" + invoice.status() + ")");
      }
      sleep(Duration.ofMillis(500));
    }
  }

  // ---- issue-until ----

  /**
   * After an exchange's outage: creates one invoice at a time (every 2 s) until one is issued on
   * the wanted provider, and prints how long that took. Each invoice is written to the ledger to
   * be paid; the last one with the provider it must have. Exit 1 when none lands there in time.
   */
  private int issueUntil() throws Exception {
    String wanted = options.require("provider");
    Path ledger = Path.of(options.require("ledger"));
    long started = System.nanoTime();
    long deadline = deadline(Duration.ofSeconds(90));
    long base = System.currentTimeMillis() % 1_000_000 + 500_000;
    for (int n = 0; System.nanoTime() < deadline; n++) {
      Invoice invoice = createOne(base + n, deadline);
      awaitIssued(invoice.id(), deadline);
      String provider = providerOf(invoice.id());
      boolean there = wanted.equalsIgnoreCase(provider);
      append(ledger, invoice.id() + "\t" + invoice.workflowId() + "\tpay" + (there ? "\t" + wanted : ""));
      log("invoice %d issued on %s", invoice.id(), provider);
      if (there) {
        log("first invoice on %s after %d s", wanted, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return 0;
      }
      sleep(Duration.ofSeconds(2));
    }
    log("no invoice issued on %s in time", wanted);
    return 1;
  }

  /** The exchange that issued the invoice's address, as the database records it. */
  private String providerOf(long invoiceId) throws java.sql.SQLException {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(options.require("db-url"), "postgres", "");
        java.sql.PreparedStatement statement = db.prepareStatement("SELECT exchange_provider FROM invoices WHERE id = ?")) {
      statement.setLong(1, invoiceId);
      try (java.sql.ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  // ---- await ----

  /** Waits until every invoice is in its expected state: final (complete / cancelled) or paid. */
  private int await() throws Exception {
    List<Line> lines = Line.read(Path.of(options.require("ledger")));
    String wanted = options.get("status", "final");
    long deadline = deadline(Duration.ofMinutes(5));
    Map<Long, String> last = new TreeMap<>();
    long lastReport = 0;
    while (true) {
      List<Line> pending = new ArrayList<>();
      for (Line line : lines) {
        String status;
        try {
          status = client.invoice(line.id()).status();
        } catch (RuntimeException e) {
          status = "unreachable";
        }
        last.put(line.id(), status);
        if (!reached(line, status, wanted)) {
          pending.add(line);
        }
      }
      if (pending.isEmpty()) {
        log("all %d invoices reached %s", lines.size(), wanted);
        return 0;
      }
      if (System.nanoTime() > deadline) {
        log("%d of %d invoices did not reach %s in time:", pending.size(), lines.size(), wanted);
        pending.stream().limit(10).forEach(l -> log("  invoice %d (%s): %s", l.id(), l.plan(), last.get(l.id())));
        return 1;
      }
      if (System.nanoTime() - lastReport > Duration.ofSeconds(15).toNanos()) {
        lastReport = System.nanoTime();
        Map<String, Integer> byStatus = new TreeMap<>();
        last.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
        log("waiting for %s: %s", wanted, byStatus);
      }
      sleep(Duration.ofSeconds(2));
    }
  }

  static boolean reached(Line line, String status, String wanted) {
    if (line.plan().equals("cancel")) {
      return status.equals("cancelled");
    }
    return wanted.equals("paid") ? Set.of("paid", "complete").contains(status) : status.equals("complete");
  }

  // ---- sandbox faults ----

  private int faults() {
    if (options.has("reset-stats")) {
      client.resetSandboxStats();
      log("sandbox call statistics reset");
    } else if (options.has("clear")) {
      client.clearFaults();
      log("sandbox faults cleared");
    } else {
      client.setFaults(
          Double.parseDouble(options.get("error-rate", "0")), options.intValue("status", 503),
          options.longValue("retry-after", 0), options.longValue("latency-ms", 0), options.get("venue", null));
      log("sandbox faults set: %s", client.send("GET", sandboxUrl("/faults"), null).body());
    }
    return 0;
  }

  private String sandboxUrl(String path) {
    return options.get("sandbox", options.get("api", "") + "/sandbox") + path;
  }

  // ---- plumbing ----

  /**
   * One invoice of the run: its id, workflow id, what the suite does with it, and the exchange
   * that must have issued its address (null: any).
   */
  record Line(long id, String workflowId, String plan, String provider) {
    static List<Line> read(Path file) throws IOException {
      List<Line> lines = new ArrayList<>();
      for (String text : Files.readAllLines(file)) {
        if (text.isBlank()) {
          continue;
        }
        String[] f = text.split("\t");
        lines.add(new Line(Long.parseLong(f[0]), f[1], f[2], f.length > 3 && !f[3].isBlank() ? f[3] : null));
      }
      return lines;
    }
  }

  private static synchronized void append(Path file, String line) {
    try {
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Retries while the far side is unreachable (a process is down), until the deadline. */
  static <T> T retry(java.util.function.Supplier<T> call, long deadline) {
    while (true) {
      try {
        return call.get();
      } catch (java.io.UncheckedIOException | IllegalStateException e) {
        boolean unreachable = e instanceof java.io.UncheckedIOException || String.valueOf(e.getMessage()).contains("HTTP 5");
        if (!unreachable || System.nanoTime() > deadline) {
          throw e;
        }
        sleep(Duration.ofSeconds(1));
      }
    }
  }

  private long deadline(Duration fallback) {
    return System.nanoTime() + options.duration("timeout", fallback).toNanos();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("[probe %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }

  static BigDecimal decimal(JsonNode node) {
    return node == null || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asText());
  }
}
