package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An open invoice's next_check_at is the scanner's next cycle, however long ago its workflow last
 * ran, and /api/polling-stats says the same (issue 18, point 4).
 */
class NextCheckEndToEndTest extends EmbeddedStackTest {

  @Test
  void nextCheckAtIsTheScannersNextCycleAndPollingStatsAgrees() throws Exception {
    JsonNode invoice = createColocationInvoice("120");
    long id = invoice.get("id").asLong();
    // Several one-second cycles pass with nothing to tell the workflow: it does not run.
    Thread.sleep(3_500);

    for (int round = 0; round < 3; round++) {
      Instant before = Instant.now();
      Instant statsBefore = Instant.parse(send("GET", "/api/polling-stats", null, 200).get("next_check_at").asText());
      Instant nextCheck = Instant.parse(send("GET", "/api/invoice/" + id, null, 200).get("next_check_at").asText());
      Instant statsAfter = Instant.parse(send("GET", "/api/polling-stats", null, 200).get("next_check_at").asText());

      // due within one cycle (plus the time a cycle takes to log itself)
      assertThat(nextCheck).isAfter(before.minusMillis(1_500)).isBefore(before.plusMillis(2_500));
      assertThat(nextCheck).isBetween(statsBefore, statsAfter);
      Thread.sleep(1_100);
    }
  }

  @Test
  void aClosedInvoiceHasNoNextCheck() throws Exception {
    JsonNode invoice = createColocationInvoice("120");
    long id = invoice.get("id").asLong();
    send("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"issued twice\"}", 200);
    assertThat(send("GET", "/api/invoice/" + id, null, 200).get("next_check_at").isNull()).isTrue();
  }
}
