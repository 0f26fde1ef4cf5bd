package com.deltaenergy.invoicing.api.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The pay page over real HTTP against the real database. No worker runs here, so each test puts the
 * invoice's recorded state in PostgreSQL as the workflow's projection would, and the page must
 * follow it: that is the only source the page reads.
 */
@TestPropertySource(
    properties = {
      "invoicing.api.wait.issue=100ms", "invoicing.api.wait.query=100ms", "invoicing.api.wait.update=100ms",
      "invoicing.pay.rate-limit-per-minute=100000"
    })
class PayPageTest extends ApiTest {

  static final String INTERNAL_NOTE = "INTERNAL-ONLY-note-do-not-show";

  /** The operator's ISSUER_LOGO: a small PNG the page shows for the default tenant. */
  @DynamicPropertySource
  static void logo(DynamicPropertyRegistry registry) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("issuer-logo", ".png");
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(image, "png", file.toFile());
    registry.add("invoicing.documents.issuer-logo", file::toString);
  }

  @Autowired JdbcClient jdbc;

  private long id;
  private String token;
  // Deposit addresses are unique per network: each test's invoice gets its own.
  private final String ADDRESS = "T" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "Z";

  @BeforeEach
  void anIssuedInvoice() throws Exception {
    var created = json.readTree(api.post("/api/invoice/create", """
        {"client_id": 1, "amount_usd": 5000, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "October 2025", "due_date": "%s", "description": "Colocation"}
        """.formatted(LocalDate.of(2031, 3, 15))).body());
    id = created.get("id").asLong();
    String url = created.get("pay_url").asText();
    token = url.substring(url.lastIndexOf('/') + 1);
    jdbc.sql("""
        UPDATE invoices SET status = 'sent', state_version = 3, deposit_address = ?, crypto_amount = 5000.000000,
               exchange_rate = 1, rate_locked_at = now(), rate_source = 'test', issued_at = now(), notes = ?
         WHERE id = ?
        """).params(ADDRESS, INTERNAL_NOTE, id).update();
  }

  @Test
  void showsWhatIsDueWithPaymentDetailsAndOnlyPayerFacingData() throws Exception {
    HttpResponse<String> page = api.getWithoutKey("/pay/" + token + "?lang=en");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    String html = page.body();
    assertThat(html).contains("Delta Mining Paraguay S.A.", "Awaiting payment", "5,000.000000 USDT", "USD 5,000.00",
        ADDRESS, "Send USDT on Tron (TRC20) only", "March 15, 2031", "data-copy-target=\"address\"",
        "/pay/" + token + "/qr.png", "/pay/assets/htmx/htmx.min.js", "/pay/assets/pay.js",
        "hx-trigger=\"every 1500ms\"", "<noscript>");
    // No inline script or style: the CSP would block them.
    assertThat(html).doesNotContain("<script>", "style=", "onclick", "<style");
    // Only payer-facing data.
    assertThat(html).doesNotContain(INTERNAL_NOTE, "workflow", "audit", "invoice-DPY", "mexc", "secret",
        TestApiKeys.ADMIN, "/api/");
  }

  @Test
  void theQrCodeIsThePaymentPayloadForWhatIsStillDue() throws Exception {
    assertThat(decodeQr()).isEqualTo(ADDRESS);
    // USDT on TRC20 has no amount in its payload; the page says so.
    assertThat(api.getWithoutKey("/pay/" + token).body()).contains("type the amount by hand");
  }

  @Test
  void followsPartPaymentConfirmationsAndPaidFromTheRecordedState() throws Exception {
    String version = versionOf(api.getWithoutKey("/pay/" + token + "/status?lang=en").body());
    assertThat(api.getWithoutKey("/pay/" + token + "/status?lang=en&v=" + version).statusCode())
        .as("nothing changed: nothing to swap").isEqualTo(204);

    payment("tx-half", "2500.000000", 5, 20);
    jdbc.sql("UPDATE invoices SET status = 'confirming', state_version = 4, amount_pending = 2500 WHERE id = ?")
        .param(id).update();
    HttpResponse<String> seen = api.getWithoutKey("/pay/" + token + "/status?lang=en&v=" + version);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).contains("Payment seen", "tx-half", "5 of 20 confirmations", "<progress");

    jdbc.sql("UPDATE payment_transactions SET confirmations = 20 WHERE invoice_id = ?").param(id).update();
    jdbc.sql("UPDATE invoices SET status = 'partially_paid', state_version = 5, amount_received = 2500,"
        + " amount_pending = 0 WHERE id = ?").param(id).update();
    String partial = api.getWithoutKey("/pay/" + token + "/status?lang=en&v=" + versionOf(seen.body())).body();
    assertThat(partial).contains("Received 2,500.000000 USDT, 2,500.000000 USDT still due",
        "Send the remaining 2,500.000000 USDT", "data-copy-value=\"2500.000000\"");
    assertThat(decodeQr()).isEqualTo(ADDRESS);

    // The rest on its way: nothing more is asked for while it confirms.
    payment("tx-rest", "2500.000000", 1, 20);
    jdbc.sql("UPDATE invoices SET status = 'confirming', state_version = 6, amount_pending = 2500 WHERE id = ?")
        .param(id).update();
    String confirming = api.getWithoutKey("/pay/" + token + "/status?lang=en").body();
    assertThat(confirming).contains("1 of 20 confirmations", "2,500.000000 USDT still due")
        .doesNotContain("qr.png", "Send the remaining");
    assertThat(api.getWithoutKey("/pay/" + token + "/qr.png").statusCode()).isEqualTo(404);

    jdbc.sql("UPDATE invoices SET status = 'paid', state_version = 7, amount_received = 5100, overpaid = true,"
        + " excess_amount = 100, paid_at = now() WHERE id = ?").param(id).update();
    String paid = api.getWithoutKey("/pay/" + token + "/status?lang=en").body();
    assertThat(paid).contains("Paid. Thank you!", "100.000000 USDT more than the invoice asked for")
        .doesNotContain("still due");
    assertThat(api.getWithoutKey("/pay/" + token + "/qr.png").statusCode()).as("nothing left to pay").isEqualTo(404);
  }

  @Test
  void aCancelledInvoiceSaysSoWithTheIssuersContactAndStopsPolling() throws Exception {
    jdbc.sql("UPDATE invoices SET status = 'cancelled', state_version = 8, cancelled_at = now(),"
        + " cancel_reason = 'INTERNAL reason' WHERE id = ?").param(id).update();
    String html = api.getWithoutKey("/pay/" + token).body();
    assertThat(html).contains("has been cancelled", "billing@deltaenergy.com").doesNotContain("INTERNAL reason", "hx-get", ADDRESS);
  }

  @Test
  void speaksSpanishAndPortugueseWithTheirNumberFormats() throws Exception {
    String es = api.getWithoutKey("/pay/" + token + "?lang=es").body();
    assertThat(es).contains("lang=\"es\"", "Esperando el pago", "5.000,000000 USDT", "USD 5.000,00",
        "15 de marzo de 2031", "Envíe USDT solo por la red Tron (TRC20)");
    String pt = api.withHeader("/pay/" + token, "Accept-Language", "pt-BR,pt;q=0.9,en;q=0.5").body();
    assertThat(pt).contains("lang=\"pt\"", "Aguardando pagamento", "5.000,000000 USDT", "15 de março de 2031");
    // ?lang= wins over the browser's language; an unsupported one falls back to English.
    assertThat(api.withHeader("/pay/" + token + "?lang=en", "Accept-Language", "es").body()).contains("Awaiting payment");
    assertThat(api.withHeader("/pay/" + token, "Accept-Language", "de-DE").body()).contains("Awaiting payment");
  }

  @Test
  void theClientsLanguageIsTheDefault() throws Exception {
    long client = jdbc.sql("SELECT client_id FROM invoices WHERE id = ?").param(id).query(Long.class).single();
    jdbc.sql("UPDATE clients SET language = 'pt' WHERE id = ?").param(client).update();
    try {
      assertThat(api.getWithoutKey("/pay/" + token).body()).contains("Aguardando pagamento");
    } finally {
      jdbc.sql("UPDATE clients SET language = 'en' WHERE id = ?").param(client).update();
    }
  }

  @Test
  void unknownAndRegeneratedTokensAreTheSame404() throws Exception {
    HttpResponse<String> unknown = api.getWithoutKey("/pay/AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Payment link not found");
    assertThat(api.getWithoutKey("/pay/AAAAAAAAAAAAAAAAAAAAAA/status").statusCode()).isEqualTo(404);
    assertThat(api.getWithoutKey("/pay/AAAAAAAAAAAAAAAAAAAAAA/qr.png").statusCode()).isEqualTo(404);
    assertThat(api.getWithoutKey("/pay/AAAAAAAAAAAAAAAAAAAAAA/invoice.pdf").statusCode()).isEqualTo(404);
    assertThat(api.getWithoutKey("/pay/" + "x".repeat(300)).statusCode()).isEqualTo(404);

    api.post("/api/invoice/" + id + "/pay-link/regenerate", null);
    HttpResponse<String> old = api.getWithoutKey("/pay/" + token);
    assertThat(old.statusCode()).isEqualTo(404);
    assertThat(old.body()).isEqualTo(unknown.body());
  }

  @Test
  void showsTheIssuersLogo() throws Exception {
    assertThat(api.getWithoutKey("/pay/" + token).body()).contains("<img class=\"logo\" src=\"/pay/" + token + "/logo\"");
    HttpResponse<byte[]> logo = api.getBytes("/pay/" + token + "/logo", null);
    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(logo.body())).getWidth()).isEqualTo(40);
    assertThat(api.getWithoutKey("/pay/AAAAAAAAAAAAAAAAAAAAAA/logo").statusCode()).isEqualTo(404);
  }

  @Test
  void servesItsOwnAssets() throws Exception {
    assertThat(api.getWithoutKey("/pay/assets/pay.css").statusCode()).isEqualTo(200);
    assertThat(api.getWithoutKey("/pay/assets/pay.js").body()).contains("clipboard");
    assertThat(api.getWithoutKey("/pay/assets/htmx/htmx.min.js").body()).contains("htmx");
  }

  private void payment(String tx, String amount, int confirmations, int required) {
    jdbc.sql("""
        INSERT INTO payment_transactions (tenant_id, invoice_id, tx_hash, network, address, coin, amount,
            confirmations, confirmations_required, deposit_status, counts, first_seen_at, state_version)
        VALUES (1, ?, ?, 'TRC20', ?, 'USDT', ?, ?, ?, 'PENDING', true, now(), 4)
        """).params(id, tx, ADDRESS, new java.math.BigDecimal(amount), confirmations, required).update();
  }

  private String decodeQr() throws Exception {
    HttpResponse<byte[]> png = api.getBytes("/pay/" + token + "/qr.png", null);
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }

  private static String versionOf(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v=([0-9a-z]+)\"").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }
}
