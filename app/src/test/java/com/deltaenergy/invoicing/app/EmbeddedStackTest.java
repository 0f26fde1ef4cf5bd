package com.deltaenergy.invoicing.app;

import com.deltaenergy.invoicing.testsupport.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default over real HTTP, in real time, with one-second scanner cycles and the
 * sandbox exchange confirming only when told. Subclasses share one running application.
 */
abstract class EmbeddedStackTest extends EmbeddedHttpTest {

  // Free ports, not fixed ones: other builds may run on the same machine.
  private static final int PORT = FreePorts.next();
  private static final int TEMPORAL_PORT = FreePorts.next();
  private static final int SMTP_PORT = FreePorts.next();

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    register(registry, PORT, TEMPORAL_PORT, SMTP_PORT);
  }

  @BeforeAll
  static void targetSharedApplication() {
    target(PORT);
  }

  /** Sends the invoice's crypto amount to its address and confirms it far past any requirement. */
  static String payInFull(JsonNode invoice, String coin, String network) throws Exception {
    JsonNode deposit =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + invoice.get("deposit_address").asText() + "\", \"amount\": "
                + invoice.get("crypto_amount").asText() + ", \"coin\": \"" + coin + "\", \"network\": \"" + network + "\"}",
            201);
    String tx = deposit.get("tx_id").asText();
    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 64}", 200);
    return tx;
  }
}
