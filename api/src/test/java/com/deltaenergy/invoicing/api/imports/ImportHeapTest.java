package com.deltaenergy.invoicing.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A 100,000-row file (about 10 MB) validated with a flat heap: streamed in over HTTP (the test
 * never holds it either), parsed and validated row by row and stored in batches. The heap's live
 * set (what is left after a full collection, sampled every second while the upload runs) may grow
 * by less than 256 MiB over what it was before. Prints the figures for docs/BENCHMARKS.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportHeapTest {

  static final int ROWS = Integer.getInteger("import.heap.rows", 100_000);
  static final long MiB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void aHundredThousandRowsValidateWithAFlatHeap() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = liveHeap(memory);
    AtomicLong peakLive = new AtomicLong(baseline);
    AtomicLong peakUsed = new AtomicLong(baseline);
    Thread sampler =
        new Thread(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            peakLive.accumulateAndGet(liveHeap(memory), Math::max);
            try {
              Thread.sleep(1000);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    long started = System.nanoTime();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/imports?validate_only=true"))
                .header("Authorization", TestApiKeys.BEARER)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(ROWS)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    sampler.join();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode imported = json.readTree(response.body());
    assertThat(imported.get("total").asInt()).isEqualTo(ROWS);
    assertThat(imported.get("valid").asInt()).isEqualTo(ROWS - ROWS / 1000);
    assertThat(imported.get("invalid").asInt()).isEqualTo(ROWS / 1000);
    long growth = peakLive.get() - baseline;
    System.out.printf(
        "IMPORT-HEAP rows %d, %.1f s (%.0f rows/s), live heap before %d MiB, live growth peak %d MiB, heap used peak %d MiB, max heap %d MiB%n",
        ROWS, seconds, ROWS / seconds, baseline / MiB, growth / MiB, peakUsed.get() / MiB,
        memory.getHeapMemoryUsage().getMax() / MiB);
    assertThat(growth).as("live heap growth while validating %d rows", ROWS).isLessThan(256 * MiB);
  }

  /** The heap still in use after a full collection: the live set, without the garbage. */
  private static long liveHeap(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The CSV, made a row at a time as it is read; one row in a thousand is invalid (amount). */
  private static final class GeneratedCsv extends InputStream {

    private static final String DUE = LocalDate.now().plusDays(30).toString();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int rows;
    private int next;
    private byte[] chunk =
        "external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n"
            .getBytes(StandardCharsets.UTF_8);
    private int position;

    GeneratedCsv(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == chunk.length) {
        if (next == rows) {
          return -1;
        }
        next++;
        String amount = next % 1000 == 0 ? "lots" : (100 + next % 5000) + ".50";
        chunk = (run + "-" + next + ",1," + amount + ",USDT,TRC20,November 2026," + DUE + ",\"Hosting, row " + next + "\"\n")
            .getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      int n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      return n;
    }
  }
}
