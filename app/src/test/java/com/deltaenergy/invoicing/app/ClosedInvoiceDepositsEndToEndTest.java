package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Money arriving while an invoice closes, or after it closed, never goes out of view (issue 18,
 * points 2 and 3): a cancel waits for a confirming deposit, and a late deposit shows, flagged and
 * following the exchange, in the invoice's payments.
 */
class ClosedInvoiceDepositsEndToEndTest extends EmbeddedStackTest {

  @Test
  void aCancelIsRefusedWhileTheDepositConfirmsAndALateDepositShowsFlaggedAndFollowsTheExchange() throws Exception {
    JsonNode invoice = create();
    long id = invoice.get("id").asLong();
    JsonNode deposit =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + invoice.get("deposit_address").asText() + "\", \"amount\": "
                + invoice.get("crypto_amount").asText() + ", \"coin\": \"USDT\", \"network\": \"TRC20\"}", 201);
    String tx = deposit.get("tx_id").asText();
    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 2}", 200);
    awaitInvoice(id, i -> i.get("status").asText().equals("confirming"));

    HttpResponse<String> cancel = exchange("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"client disputes\"}");
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(409);
    assertThat(JSON.readTree(cancel.body()).get("detail").asText()).contains(tx);

    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 64}", 200);
    awaitInvoice(id, i -> i.get("status").asText().equals("complete"));

    JsonNode late =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + invoice.get("deposit_address").asText() + "\", \"amount\": 5,"
                + " \"coin\": \"USDT\", \"network\": \"TRC20\"}", 201);
    String lateTx = late.get("tx_id").asText();
    send("POST", "/sandbox/deposits/" + lateTx + "/confirmations", "{\"confirmations\": 2}", 200);
    JsonNode seen = awaitInvoice(id, i -> lateIn(i, lateTx) != null);
    assertThat(lateIn(seen, lateTx).get("counts").asBoolean()).isFalse();
    assertThat(lateIn(seen, lateTx).get("flag").asText()).isEqualTo("after_completion");
    assertThat(lateIn(seen, lateTx).get("confirmations").asInt()).isEqualTo(2);
    assertThat(seen.get("payments")).hasSize(2);

    send("POST", "/sandbox/deposits/" + lateTx + "/confirmations", "{\"confirmations\": 64}", 200);
    JsonNode followed = awaitInvoice(id, i -> lateIn(i, lateTx).get("confirmations").asInt() == 64);
    assertThat(lateIn(followed, lateTx).get("deposit_status").asText()).isEqualTo("credited");
    assertThat(followed.get("status").asText()).isEqualTo("complete");
  }

  @Test
  void aDepositAfterCancelShowsInTheInvoiceFlagged() throws Exception {
    JsonNode invoice = create();
    long id = invoice.get("id").asLong();
    send("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"issued twice\"}", 200);

    String tx = payInFull(invoice, "USDT", "TRC20");
    JsonNode seen = awaitInvoice(id, i -> lateIn(i, tx) != null);
    assertThat(seen.get("status").asText()).isEqualTo("cancelled");
    assertThat(lateIn(seen, tx).get("flag").asText()).isEqualTo("after_cancel");
    assertThat(lateIn(seen, tx).get("counts").asBoolean()).isFalse();
  }

  private static JsonNode create() throws Exception {
    JsonNode invoice =
        send("POST", "/api/invoice/create",
            """
            {"client_id": 2, "amount_usd": 250, "crypto_currency": "USDT", "crypto_network": "TRC20",
             "billing_period": "November 2026", "due_date": "%s", "description": "Hosting"}
            """.formatted(LocalDate.now().plusDays(20)),
            201);
    assertThat(invoice.get("status").asText()).isEqualTo("sent");
    return invoice;
  }

  private static JsonNode lateIn(JsonNode invoice, String tx) {
    for (JsonNode payment : invoice.get("payments")) {
      if (payment.get("tx_hash").asText().equals(tx)) {
        return payment;
      }
    }
    return null;
  }
}
