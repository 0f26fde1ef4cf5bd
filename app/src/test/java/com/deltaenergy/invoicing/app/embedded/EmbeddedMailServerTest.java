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

/**
 * The embedded SMTP server accepts mail over real SMTP and keeps none of it in memory; the outbox
 * holds the copy.
 */
@EmbeddedInRealTime
class EmbeddedMailServerTest {

  private static EmbeddedTestSetup setup;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    setup = EmbeddedTestSetup.onFreePorts("invoicing-mail-server");
    setup.register(registry);
  }

  @Autowired GreenMail mailServer;

  @Test
  void mailTheServerAcceptedIsInTheOutboxAndNotInItsMemory() throws Exception {
    HttpResponse<String> created =
        setup.post(
            "/api/invoice/create",
            """
            {"client_id": 1, "amount_usd": 300, "crypto_currency": "USDT", "crypto_network": "TRC20",
             "billing_period": "November 2025", "due_date": "%s", "description": "Outbox"}
            """.formatted(LocalDate.now().plusDays(10)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // The copy is written only after the SMTP server accepted the mail.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (emlFiles() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(emlFiles()).isPositive();

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
