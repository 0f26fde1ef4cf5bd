package com.deltaenergy.invoicing.api.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.persistence.paylink.PayLinkRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

// No worker runs here: the link exists from creation, before the invoice is issued.
@TestPropertySource(
    properties = {
      "invoicing.api.wait.issue=300ms", "invoicing.api.wait.query=300ms", "invoicing.api.wait.update=300ms",
      "invoicing.public-base-url=https://pay.example.com/"
    })
class PayLinkApiTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired PayLinkRepository links;

  @Test
  void everyInvoiceHasARandomPayLinkShownInItsJson() throws Exception {
    JsonNode first = json.readTree(api.post("/api/invoice/create", body()).body());
    JsonNode second = json.readTree(api.post("/api/invoice/create", body()).body());

    String url = first.get("pay_url").asText();
    assertThat(url).matches("https://pay\\.example\\.com/pay/[A-Za-z0-9_-]{22}");
    String token = token(url);
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
    assertThat(token).doesNotContain(first.get("invoice_number").asText()).isNotEqualTo(first.get("id").asText());
    assertThat(second.get("pay_url").asText()).isNotEqualTo(url);
    assertThat(links.invoiceIdOf(token)).hasValue(first.get("id").asLong());
    // Looked up by hash: the stored hash is not the token.
    String stored = jdbc.sql("SELECT token_hash FROM invoice_pay_links WHERE invoice_id = ?")
        .param(first.get("id").asLong()).query(String.class).single();
    assertThat(stored).hasSize(64).isNotEqualTo(token);

    JsonNode fetched = json.readTree(api.get("/api/invoice/" + first.get("id").asLong()).body());
    assertThat(fetched.get("pay_url").asText()).isEqualTo(url);
    JsonNode listed = json.readTree(api.get("/api/invoices?limit=500").body());
    assertThat(listed.findValuesAsText("pay_url")).contains(url);
  }

  @Test
  void regeneratingReplacesTheLinkAndTheOldTokenOpensNothing() throws Exception {
    JsonNode invoice = json.readTree(api.post("/api/invoice/create", body()).body());
    long id = invoice.get("id").asLong();
    String old = token(invoice.get("pay_url").asText());

    HttpResponse<String> regenerated = api.post("/api/invoice/" + id + "/pay-link/regenerate", "");

    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
    String fresh = token(json.readTree(regenerated.body()).get("pay_url").asText());
    assertThat(fresh).isNotEqualTo(old);
    assertThat(links.invoiceIdOf(old)).isEmpty();
    assertThat(links.invoiceIdOf(fresh)).hasValue(id);
    assertThat(json.readTree(api.get("/api/invoice/" + id).body()).get("pay_url").asText()).endsWith("/pay/" + fresh);
    assertThat(json.readTree(api.get("/api/invoice/" + id + "/audit").body()).findValuesAsText("action"))
        .contains("pay_link_regenerated");
    assertThat(api.post("/api/invoice/99999999/pay-link/regenerate", "").statusCode()).isEqualTo(404);
  }

  private static String token(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String body() {
    return """
        {"client_id": 1, "amount_usd": 5000, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "October 2025", "due_date": "%s", "description": "Colocation"}
        """.formatted(LocalDate.now().plusDays(30));
  }
}
