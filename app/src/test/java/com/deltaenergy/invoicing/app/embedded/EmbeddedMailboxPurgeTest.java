package com.deltaenergy.invoicing.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.app.EmbeddedInRealTime;
import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The embedded SMTP server does not keep the mail it accepted in memory: it is emptied on a schedule. */
@EmbeddedInRealTime
@TestPropertySource(properties = "invoicing.notifications.embedded-mailbox-purge-interval=500ms")
class EmbeddedMailboxPurgeTest {

  private static EmbeddedTestSetup setup;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    setup = EmbeddedTestSetup.onFreePorts("invoicing-purge");
    setup.register(registry);
  }

  @Autowired GreenMail mailServer;

  @Test
  void mailTheServerAcceptedIsGoneFromItsMemoryButKeptInTheOutbox() throws Exception {
    HttpResponse<String> created =
        setup.post(
            "/api/invoice/create",
            """
            {"client_id": 1, "amount_usd": 300, "crypto_currency": "USDT", "crypto_network": "TRC20",
             "billing_period": "November 2025", "due_date": "%s", "description": "Purge"}
            """.formatted(LocalDate.now().plusDays(10)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // The copy is written only after the SMTP server accepted the mail.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (emlFiles() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(emlFiles()).isPositive();
    // Emptied within a few purge intervals (a later notice of the same invoice may arrive meanwhile).
    long emptied = System.nanoTime() + 10_000_000_000L;
    while (mailServer.getReceivedMessages().length > 0 && System.nanoTime() < emptied) {
      Thread.sleep(100);
    }

    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  private static long emlFiles() throws IOException {
    if (!Files.isDirectory(setup.outbox())) {
      return 0;
    }
    try (Stream<Path> files = Files.list(setup.outbox())) {
      return files.filter(f -> f.toString().endsWith(".eml")).count();
    }
  }
}
