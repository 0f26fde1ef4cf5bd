package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation over HTTP, in real time: money paid to a cancelled invoice's address and money
 * to an address no invoice holds are both listed as unmatched by the scanner's ordinary cycles;
 * the operator assigns the first to the invoice that replaced the cancelled one (counted by its
 * workflow, audited on both, never twice) and dismisses the second.
 */
class ReconciliationEndToEndTest extends EmbeddedEndToEndTest {

  @Test
  void aPaymentToACancelledInvoiceIsAssignedToItsReplacementOnceAndAStrangerIsDismissed() throws Exception {
    JsonNode cancelled = create();
    long cancelledId = cancelled.get("id").asLong();
    send("POST", "/api/invoice/" + cancelledId + "/cancel", "{\"reason\": \"wrong billing period\"}", 200);
    JsonNode replacement = create();
    long replacementId = replacement.get("id").asLong();
    String amount = cancelled.get("crypto_amount").asText();

    String lateTx = deposit(cancelled.get("deposit_address").asText(), amount);
    String strangerAddress =
        send("POST", "/sandbox/addresses", "{\"coin\": \"USDT\", \"network\": \"TRC20\"}", 201).get("address").asText();
    String strangerTx = deposit(strangerAddress, "12.5");

    JsonNode listed =
        await("/api/reconciliation/unmatched", list -> list.findValuesAsText("tx_hash").containsAll(java.util.List.of(lateTx, strangerTx)));
    JsonNode late = byTx(listed, lateTx);
    assertThat(late.get("flagged_invoice_id").asLong()).isEqualTo(cancelledId);
    assertThat(late.get("flag").asText()).isEqualTo("AFTER_CANCEL");
    assertThat(late.get("amount").asText()).isEqualTo(new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString());
    assertThat(late.get("coin").asText()).isEqualTo("USDT");
    assertThat(late.get("network").asText()).isEqualTo("TRC20");
    assertThat(late.get("provider").asText()).isEqualTo("MEXC");
    assertThat(late.get("time").isNull()).isFalse();
    JsonNode stranger = byTx(listed, strangerTx);
    assertThat(stranger.get("flagged_invoice_id").isNull()).isTrue();
    assertThat(stranger.get("address").asText()).isEqualTo(strangerAddress);
    assertThat(stranger.get("amount").asText()).isEqualTo("12.5");

    long lateId = late.get("id").asLong();
    JsonNode noReason = sendRaw("POST", "/api/reconciliation/unmatched/" + lateId + "/assign", "{\"invoice_id\": " + replacementId + "}");
    assertThat(noReason.get("status").asInt()).isEqualTo(400);
    assertThat(noReason.at("/errors/0/field").asText()).isEqualTo("reason");
    JsonNode unknownInvoice =
        sendRaw("POST", "/api/reconciliation/unmatched/" + lateId + "/assign", "{\"invoice_id\": 999999, \"reason\": \"x\"}");
    assertThat(unknownInvoice.get("status").asInt()).isEqualTo(400);
    assertThat(unknownInvoice.at("/errors/0/field").asText()).isEqualTo("invoice_id");

    JsonNode assigned =
        send("POST", "/api/reconciliation/unmatched/" + lateId + "/assign",
            "{\"invoice_id\": " + replacementId + ", \"reason\": \"client paid the cancelled invoice\"}", 200);
    assertThat(assigned.get("verdict").asText()).isEqualTo("accepted");
    assertThat(assigned.at("/deposit/resolution").asText()).isEqualTo("assigned");
    assertThat(assigned.at("/deposit/assigned_invoice_id").asLong()).isEqualTo(replacementId);

    JsonNode again =
        sendRaw("POST", "/api/reconciliation/unmatched/" + lateId + "/assign",
            "{\"invoice_id\": " + replacementId + ", \"reason\": \"again\"}");
    assertThat(again.get("status").asInt()).as(again.toString()).isEqualTo(409);
    JsonNode elsewhere =
        sendRaw("POST", "/api/reconciliation/unmatched/" + lateId + "/assign",
            "{\"invoice_id\": " + cancelledId + ", \"reason\": \"elsewhere\"}");
    assertThat(elsewhere.get("status").asInt()).isEqualTo(409);

    JsonNode paid = awaitInvoice(replacementId, i -> !i.get("paid_at").isNull());
    assertThat(paid.get("amount_received").asText()).isEqualTo(amount);
    JsonNode payments = get("/api/invoice/" + replacementId + "/payments");
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).get("tx_hash").asText()).isEqualTo(lateTx);
    assertThat(payments.get(0).get("counts").asBoolean()).isTrue();
    assertThat(payments.get(0).get("manual").asBoolean()).isTrue();
    assertThat(get("/api/invoice/" + replacementId + "/audit").findValuesAsText("action")).contains("assign_deposit");
    assertThat(get("/api/invoice/" + cancelledId + "/audit").findValuesAsText("action"))
        .contains("cancel", "deposit_assigned_elsewhere");
    assertThat(get("/api/invoice/" + cancelledId).get("status").asText()).isEqualTo("cancelled");

    long strangerId = stranger.get("id").asLong();
    JsonNode dismissed =
        send("POST", "/api/reconciliation/unmatched/" + strangerId + "/dismiss", "{\"reason\": \"test transfer from our own wallet\"}", 200);
    assertThat(dismissed.get("resolution").asText()).isEqualTo("dismissed");
    assertThat(dismissed.get("resolution_reason").asText()).isEqualTo("test transfer from our own wallet");
    assertThat(sendRaw("POST", "/api/reconciliation/unmatched/" + strangerId + "/dismiss", "{\"reason\": \"x\"}").get("status").asInt())
        .isEqualTo(409);
    assertThat(get("/api/reconciliation/unmatched").findValuesAsText("tx_hash")).doesNotContain(lateTx, strangerTx);
    assertThat(sendRaw("GET", "/api/reconciliation/unmatched/987654", null).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void theDailyReportListsMoneyNoInvoiceCountsAndIsReadByDate() throws Exception {
    String address =
        send("POST", "/sandbox/addresses", "{\"coin\": \"USDT\", \"network\": \"TRC20\"}", 201).get("address").asText();
    String tx = deposit(address, "7.25");
    await("/api/reconciliation/unmatched", list -> list.findValuesAsText("tx_hash").contains(tx));
    String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();

    JsonNode computed = send("POST", "/api/reconciliation/report?date=" + today, null, 200);
    assertThat(computed.get("date").asText()).isEqualTo(today);
    assertThat(StreamSupport.stream(computed.get("differences").spliterator(), false)
            .filter(d -> tx.equals(d.get("tx_hash").asText(null))))
        .singleElement()
        .satisfies(d -> assertThat(d.get("kind").asText()).isEqualTo("DEPOSIT_WITHOUT_PAYMENT"));
    assertThat(send("GET", "/api/reconciliation/report?date=" + today, null, 200)).isEqualTo(computed);

    JsonNode badDate = sendRaw("GET", "/api/reconciliation/report?date=30-11-2026", null);
    assertThat(badDate.get("status").asInt()).isEqualTo(400);
    assertThat(badDate.at("/errors/0/field").asText()).isEqualTo("date");
    assertThat(sendRaw("GET", "/api/reconciliation/report?date=2001-01-01", null).get("status").asInt()).isEqualTo(404);
  }

  private static JsonNode create() throws Exception {
    return send("POST", "/api/invoice/create",
        """
        {"client_id": 1, "amount_usd": 250, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "November 2026", "due_date": "%s", "description": "Hosting"}
        """.formatted(LocalDate.now().plusDays(20)),
        201);
  }

  /** A deposit the exchange has credited (past the network's unlock confirmations). */
  private static String deposit(String address, String amount) throws Exception {
    String tx =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + address + "\", \"amount\": " + amount + ", \"coin\": \"USDT\", \"network\": \"TRC20\"}", 201)
            .get("tx_id").asText();
    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 60}", 200);
    return tx;
  }

  private static JsonNode byTx(JsonNode list, String tx) {
    return StreamSupport.stream(list.get("deposits").spliterator(), false)
        .filter(d -> d.get("tx_hash").asText().equals(tx))
        .findFirst()
        .orElseThrow(() -> new AssertionError(tx + " not listed: " + list));
  }

  private static JsonNode sendRaw(String method, String path, String body) throws Exception {
    HttpResponse<String> response = exchange(method, path, body);
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
    return JSON.readTree(response.body());
  }
}
