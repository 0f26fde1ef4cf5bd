package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The embedded default over HTTP, in real time: create an invoice, pay it through the sandbox
 * exchange, and watch the scanner (one-second cycles here) and the workflow take it to paid.
 */
class PaymentEndToEndTest extends EmbeddedEndToEndTest {

  @Test
  void createPayConfirmAndSeeItPaid() throws Exception {
    JsonNode invoice = createColocationInvoice("9700");
    long id = invoice.get("id").asLong();
    assertThat(invoice.get("status").asText()).isEqualTo("sent");
    assertThat(invoice.get("crypto_amount").asText()).isEqualTo("0.10000000");
    assertThat(invoice.get("deposit_address").asText()).startsWith("bc1q");
    String address = invoice.get("deposit_address").asText();

    HttpResponse<byte[]> pdf = bytes("/api/invoice/" + id + "/pdf", null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename=\"" + invoice.get("invoice_number").asText() + ".pdf\"");
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    String etag = pdf.headers().firstValue("ETag").orElseThrow();
    assertThat(bytes("/api/invoice/" + id + "/pdf", etag).statusCode()).isEqualTo(304);
    assertThat(bytes("/api/invoice/999999/pdf", null).statusCode()).isEqualTo(404);

    JsonNode deposit =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + address + "\", \"amount\": 0.1, \"coin\": \"BTC\", \"network\": \"BTC\"}", 201);
    String tx = deposit.get("tx_id").asText();
    JsonNode detected = awaitInvoice(id, i -> i.get("status").asText().equals("payment_detected"));
    assertThat(detected.get("payments").get(0).get("tx_hash").asText()).isEqualTo(tx);
    assertThat(detected.get("amount_pending").asText()).isEqualTo("0.10000000");

    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 1}", 200);
    JsonNode confirming = awaitInvoice(id, i -> i.get("status").asText().equals("confirming"));
    assertThat(confirming.get("payments").get(0).get("confirmations").asInt()).isEqualTo(1);
    assertThat(confirming.get("confirmations_required").asInt()).isEqualTo(3);

    send("POST", "/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 3}", 200);
    JsonNode paid = awaitInvoice(id, i -> !i.get("paid_at").isNull());
    assertThat(paid.get("amount_received").asText()).isEqualTo("0.10000000");
    assertThat(paid.get("paid_late").asBoolean()).isFalse();

    // The PAID copy is rendered right after the payment is recorded.
    HttpResponse<byte[]> receipt = bytes("/api/invoice/" + id + "/pdf", null);
    for (int i = 0; i < 100 && !receipt.headers().firstValue("Content-Disposition").orElseThrow().contains("-paid.pdf"); i++) {
      Thread.sleep(100);
      receipt = bytes("/api/invoice/" + id + "/pdf", null);
    }
    assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).contains("-paid.pdf");
    assertThat(receipt.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));

    JsonNode payments = get("/api/invoice/" + id + "/payments");
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).get("counts").asBoolean()).isTrue();
    JsonNode notices = get("/api/invoice/" + id + "/notifications");
    assertThat(notices.findValuesAsText("event")).contains("invoice.created", "invoice.paid");

    JsonNode cancel = sendRaw("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"too late\"}");
    assertThat(cancel.get("status").asInt()).isEqualTo(409);

    JsonNode polling = get("/api/polling-stats");
    assertThat(polling.at("/last_hour/cycles").asLong()).isPositive();
    assertThat(polling.at("/last_hour/exchange_calls").asLong()).isPositive();
    JsonNode dashboard = get("/api/dashboard-stats");
    assertThat(dashboard.at("/paid_this_month/count").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void operatorsExtendVerifyAndCancel() throws Exception {
    JsonNode invoice =
        send("POST", "/api/invoice/create",
            """
            {"client_id": 2, "amount_usd": 100, "crypto_currency": "USDT", "crypto_network": "TRC20",
             "billing_period": "November 2026", "due_date": "%s", "description": "Hosting"}
            """.formatted(LocalDate.now().plusDays(10)),
            201);
    long id = invoice.get("id").asLong();

    JsonNode extended =
        send("POST", "/api/invoice/" + id + "/extend-due-date",
            "{\"new_due_date\": \"" + LocalDate.now().plusDays(40) + "\", \"reason\": \"client asked\"}", 200);
    assertThat(extended.get("due_date").asText()).isEqualTo(LocalDate.now().plusDays(40).toString());
    JsonNode badDate = sendRaw("POST", "/api/invoice/" + id + "/extend-due-date",
        "{\"new_due_date\": \"" + LocalDate.now().plusDays(1) + "\", \"reason\": \"x\"}");
    assertThat(badDate.get("status").asInt()).as(badDate.toString()).isEqualTo(400);

    // a hash that belongs to nothing: 422, with the verdict body
    JsonNode rejected = send("POST", "/api/invoice/" + id + "/verify-payment", "{\"tx_hash\": \"deadbeef\"}", 422);
    assertThat(rejected.get("verdict").asText()).isEqualTo("rejected");
    assertThat(rejected.get("reason").asText()).isNotBlank();
    assertThat(rejected.at("/invoice/id").asLong()).isEqualTo(id);
    JsonNode deposit =
        send("POST", "/sandbox/deposits",
            "{\"address\": \"" + invoice.get("deposit_address").asText() + "\", \"amount\": 100, \"coin\": \"USDT\", \"network\": \"TRC20\"}", 201);
    JsonNode accepted =
        send("POST", "/api/invoice/" + id + "/verify-payment", "{\"tx_hash\": \"" + deposit.get("tx_id").asText() + "\"}", 200);
    assertThat(accepted.get("verdict").asText()).isEqualTo("accepted");
    assertThat(accepted.at("/invoice/payments/0/manual").asBoolean()).isTrue();

    JsonNode missingReason = sendRaw("POST", "/api/invoice/" + id + "/cancel", "{}");
    assertThat(missingReason.get("status").asInt()).isEqualTo(400);
    assertThat(missingReason.at("/errors/0/field").asText()).isEqualTo("reason");
    // The verified deposit counts and is still confirming: a cancel would hide it (issue 18).
    JsonNode refused = sendRaw("POST", "/api/invoice/" + id + "/cancel", "{\"reason\": \"issued by mistake\"}");
    assertThat(refused.get("status").asInt()).isEqualTo(409);
    assertThat(refused.get("detail").asText()).contains(deposit.get("tx_id").asText());
    JsonNode audit = get("/api/invoice/" + id + "/audit");
    assertThat(audit.findValuesAsText("action")).contains("extend_due_date", "verify_payment", "deposit_seen");
  }

  private static JsonNode sendRaw(String method, String path, String body) throws Exception {
    return JSON.readTree(exchange(method, path, body).body());
  }
}
