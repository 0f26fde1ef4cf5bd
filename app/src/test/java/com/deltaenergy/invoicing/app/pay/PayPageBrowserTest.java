package com.deltaenergy.invoicing.app.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A payer's view in a real browser: the link from the "created" e-mail, the amount and the QR
 * code, a part payment and its confirmations followed live without a reload, the receipt, the
 * page in Spanish and Portuguese and on a 375 px phone, an unknown link, and the rate limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class PayPageBrowserTest extends PayPageBrowserSupport {

  private static final Duration LIVE = Duration.ofSeconds(40);

  @Test
  @Order(1)
  void aPayerFollowsAPartPaymentAndThenTheRestLiveUntilTheReceipt() throws Exception {
    String email = "payer-" + UUID.randomUUID() + "@example.com";
    long client = api("POST", "/api/clients",
        "{\"name\": \"Browser Payer %s\", \"contact_email\": \"%s\"}".formatted(UUID.randomUUID(), email), 201)
        .get("id").asLong();
    JsonNode invoice = api("POST", "/api/invoice/create", """
        {"client_id": %d, "amount_usd": 9700, "crypto_currency": "BTC", "billing_period": "November 2026",
         "due_date": "%s", "description": "Colocation"}
        """.formatted(client, LocalDate.now().plusDays(20)), 201);
    String number = invoice.get("invoice_number").asText();
    String address = invoice.get("deposit_address").asText();

    String link = eventually(() -> payLinkInOutbox(email, number + " from"), Duration.ofSeconds(30));
    assertThat(link).isEqualTo(invoice.get("pay_url").asText());

    browser.get(link);
    assertThat(browser.getTitle()).isEqualTo("Invoice " + number);
    assertThat(text("#amount-due")).isEqualTo("0.10000000 BTC");
    assertThat(text("#status")).contains("Awaiting payment", "USD 9,700.00");
    assertThat(text("#payment-details")).contains(address, "Send BTC on Bitcoin only");
    WebElement qr = browser.findElement(By.cssSelector(".qr img"));
    assertThat((Long) js("return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).isPositive();
    // Marks this page: if the browser reloaded it, the mark would be gone.
    js("window.payPageMark = 'not reloaded'");
    screenshot("pay-page-awaiting");

    String half = sandbox("/deposits",
        "{\"address\": \"%s\", \"amount\": 0.05, \"coin\": \"BTC\", \"network\": \"BTC\"}".formatted(address))
        .get("tx_id").asText();
    waitUpTo(LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "0 of 3 confirmations"));
    assertThat(text("#status")).contains("Payment seen", half);
    sandbox("/deposits/" + half + "/confirmations", "{\"confirmations\": 3}");
    waitUpTo(LIVE).until(ExpectedConditions.presenceOfElementLocated(By.id("still-due")));
    assertThat(text("#still-due")).isEqualTo("Received 0.05000000 BTC, 0.05000000 BTC still due");
    assertThat(js("return window.payPageMark")).isEqualTo("not reloaded");
    screenshot("pay-page-partial");

    String rest = sandbox("/deposits",
        "{\"address\": \"%s\", \"amount\": 0.05, \"coin\": \"BTC\", \"network\": \"BTC\"}".formatted(address))
        .get("tx_id").asText();
    waitUpTo(LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "0 of 3 confirmations"));
    sandbox("/deposits/" + rest + "/confirmations", "{\"confirmations\": 2}");
    waitUpTo(LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "2 of 3 confirmations"));
    assertThat(browser.findElement(By.cssSelector(".seen progress")).getAttribute("value")).isEqualTo("2");
    screenshot("pay-page-confirming");
    sandbox("/deposits/" + rest + "/confirmations", "{\"confirmations\": 3}");
    waitUpTo(LIVE).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-link")));
    assertThat(text("#status")).contains("Paid. Thank you!");
    assertThat(js("return window.payPageMark")).isEqualTo("not reloaded");
    screenshot("pay-page-paid");

    String receipt = browser.findElement(By.id("receipt-link")).getAttribute("href");
    HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(receipt)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(number + "-paid.pdf");

    // Nothing the page did was refused by its Content-Security-Policy.
    assertThat(consoleMessages()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
  }

  @Test
  @Order(2)
  void theSamePageInSpanishAndPortugueseAndOnA375PixelPhone() throws Exception {
    JsonNode invoice = api("POST", "/api/invoice/create", """
        {"client_id": 2, "amount_usd": 5000, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "Noviembre 2026", "due_date": "2030-03-15", "description": "Hosting"}
        """, 201);
    String link = invoice.get("pay_url").asText();

    browser.get(link + "?lang=es");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(text("#status")).contains("Esperando el pago", "5.000,000000 USDT", "USD 5.000,00");
    assertThat(text("#payment-details")).contains("Envíe USDT solo por la red Tron (TRC20)", "15 de marzo de 2030");
    screenshot("pay-page-es");

    browser.get(link + "?lang=pt");
    assertThat(text("#status")).contains("Aguardando pagamento", "5.000,000000 USDT");
    assertThat(text("#payment-details")).contains("Envie USDT somente pela rede Tron (TRC20)", "15 de março de 2030");
    screenshot("pay-page-pt");

    browser.manage().window().setSize(new Dimension(375, 900));
    try {
      browser.get(link);
      assertThat(text("#amount-due")).isEqualTo("5,000.000000 USDT");
      // Nothing wider than the phone: no sideways scrolling.
      assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
      assertThat(browser.findElement(By.cssSelector(".qr img")).getRect().getWidth()).isLessThanOrEqualTo(375);
      screenshot("pay-page-375px");
    } finally {
      browser.manage().window().setSize(new Dimension(1024, 1100));
    }
  }

  @Test
  @Order(3)
  void anUnknownLinkIsA404Page() throws Exception {
    HttpResponse<String> unknown = HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + "/pay/NoSuchTokenNoSuchToken")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    browser.get(base() + "/pay/NoSuchTokenNoSuchToken");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Payment link not found");
  }

  @Test
  @Order(4)
  void theSixtyFirstRequestInAMinuteFromOneAddressIs429() throws Exception {
    // A client address of its own (all of 127/8 is this machine), so the browser's requests above
    // do not count towards this one's minute.
    for (int i = 1; i <= 60; i++) {
      assertThat(statusFrom("127.0.0.61", "/pay/NoSuchTokenNoSuchToken")).as("request %d", i).startsWith("HTTP/1.1 404");
    }
    assertThat(statusFrom("127.0.0.61", "/pay/NoSuchTokenNoSuchToken")).startsWith("HTTP/1.1 429");
    assertThat(statusFrom("127.0.0.62", "/pay/NoSuchTokenNoSuchToken")).as("another address").startsWith("HTTP/1.1 404");
  }

  private static String statusFrom(String clientAddress, String path) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(clientAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    }
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }
}
