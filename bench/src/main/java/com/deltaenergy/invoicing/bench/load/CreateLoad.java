package com.deltaenergy.invoicing.bench.load;

import com.deltaenergy.invoicing.bench.support.InvoiceRequests;
import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.InvoicingClient.Invoice;
import com.deltaenergy.invoicing.bench.support.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop create load: each client sends POST /api/invoice/create, waits for the answer, and
 * sends the next, for a given time or until a given number of invoices exists. Every call's
 * latency is kept.
 */
final class CreateLoad {

  /** Just what later steps need of a created invoice. */
  record Created(long id, String workflowId) {}

  record Result(
      int clients,
      List<Long> latencyNanos,
      int errors,
      int notIssued,
      long wallNanos,
      List<Created> created,
      List<String> errorSamples) {

    Percentiles millis() {
      return Percentiles.of(latencyNanos.stream().map(n -> n / 1_000_000).toList());
    }

    /** Microsecond resolution for the percentile table. */
    Percentiles micros() {
      return Percentiles.of(latencyNanos.stream().map(n -> n / 1_000).toList());
    }

    double perSecond() {
      return latencyNanos.size() / (wallNanos / 1e9);
    }
  }

  private final InvoicingClient client;
  /** Numbers the request bodies across runs so coins rotate evenly. */
  private final AtomicLong sequence;

  CreateLoad(InvoicingClient client, AtomicLong sequence) {
    this.client = client;
    this.sequence = sequence;
  }

  Result forDuration(int clients, Duration duration, boolean keepCreated) {
    long deadline = System.nanoTime() + duration.toNanos();
    return run(clients, () -> System.nanoTime() < deadline, keepCreated);
  }

  Result count(int clients, int count, boolean keepCreated) {
    AtomicInteger remaining = new AtomicInteger(count);
    return run(clients, () -> remaining.getAndDecrement() > 0, keepCreated);
  }

  /** Up to {@code count} creates, but none started after {@code budget} has passed. */
  Result countWithin(int clients, int count, Duration budget, boolean keepCreated) {
    AtomicInteger remaining = new AtomicInteger(count);
    long deadline = System.nanoTime() + budget.toNanos();
    return run(clients, () -> System.nanoTime() < deadline && remaining.getAndDecrement() > 0, keepCreated);
  }

  private Result run(int clients, java.util.function.BooleanSupplier another, boolean keepCreated) {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Created> created = Collections.synchronizedList(new ArrayList<>());
    List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger notIssued = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            while (another.getAsBoolean()) {
              try {
                InvoicingClient.Reply reply = client.create(InvoiceRequests.nth(sequence.getAndIncrement()));
                if (reply.status() != 201 && reply.status() != 202) {
                  errors.incrementAndGet();
                  sample(errorSamples, "HTTP " + reply.status() + " " + reply.body());
                  continue;
                }
                latencies.add(reply.nanos());
                Invoice invoice = new Invoice(reply.body());
                if (!invoice.issued()) {
                  notIssued.incrementAndGet();
                }
                if (keepCreated) {
                  created.add(new Created(invoice.id(), invoice.workflowId()));
                }
              } catch (RuntimeException e) {
                errors.incrementAndGet();
                sample(errorSamples, e.getMessage());
              }
            }
          });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(7, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long wall = System.nanoTime() - started;
    return new Result(
        clients, List.copyOf(latencies), errors.get(), notIssued.get(), wall, List.copyOf(created), List.copyOf(errorSamples));
  }

  private static void sample(List<String> samples, String message) {
    if (samples.size() < 5) {
      samples.add(message == null ? "?" : message.substring(0, Math.min(200, message.length())));
    }
  }
}
