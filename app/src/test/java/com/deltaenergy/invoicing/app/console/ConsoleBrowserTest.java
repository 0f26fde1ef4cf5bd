package com.deltaenergy.invoicing.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator console in a real browser (Debian's headless Chromium through its chromedriver)
 * against the embedded application in real time: sign in with the generated credentials, create,
 * find, pay and watch an invoice without reloading, verify a TxID, cancel, roles and tenants,
 * escaping, and an axe-core accessibility check of each page, with a screenshot of each in
 * docs/screenshots. Run with -Pbrowser; without Chromium it fails rather than skips.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleBrowserSupport {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Invoices made by earlier steps, by role in the story. */
  private static long paidInvoice;
  private static String paidNumber;

  @Autowired ConsoleUserRepository users;
  @Autowired TenantRepository tenants;
  @Autowired PasswordEncoder passwords;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    register(registry, EmbeddedTestSetup.onFreePorts("invoicing-console"));
  }

  @Test
  @Order(1)
  void signInWithTheGeneratedCredentialsAndSeeTheDashboard() throws Exception {
    List<String> lines = Files.readAllLines(credentials);
    assertThat(lines).hasSize(2);
    signIn(lines.get(0), lines.get(1));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(lines.get(0)).contains("admin");
    checkAccessibilityAndSnap("dashboard");
  }

  @Test
  @Order(2)
  void createAnInvoiceThroughTheFormWithAFieldErrorFirst() throws Exception {
    go("/invoices/new");
    // A client added inline, without leaving the form, is the one chosen.
    browser.findElement(By.cssSelector("#new-client summary")).click();
    browser.findElement(By.id("new_client_name")).sendKeys("Chaco Hosting S.R.L.");
    browser.findElement(By.id("new_client_contact_email")).sendKeys("ap@chaco-hosting.example");
    browser.findElement(By.id("add-client")).click();
    wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("client-added")));
    assertThat(new Select(browser.findElement(By.id("client_id"))).getFirstSelectedOption().getText())
        .isEqualTo("Chaco Hosting S.R.L.");
    new Select(browser.findElement(By.id("pair"))).selectByValue("BTC:BTC");
    browser.findElement(By.id("amount_usd")).sendKeys("9700");
    browser.findElement(By.id("billing_period")).sendKeys("November 2026");
    // The crypto amount at the current price, fetched by htmx as the amount is typed.
    wait(30).until(d -> d.findElement(By.id("preview")).getText().startsWith("≈ 0.1 BTC at 97000"));
    browser.findElement(By.id("create")).click();
    WebElement error = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("description-error")));
    assertThat(error.getText()).isEqualTo("is required");
    assertThat(browser.findElement(By.id("description")).getAttribute("aria-invalid")).isEqualTo("true");
    checkAccessibilityAndSnap("new-invoice");

    browser.findElement(By.id("description")).sendKeys(SCRIPT);
    browser.findElement(By.id("create")).click();
    wait(30).until(ExpectedConditions.urlMatches("/invoices/\\d+$"));
    paidInvoice = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/invoices/", ""));
    paidNumber = browser.findElement(By.cssSelector("h1 span")).getText();
    assertThat(paidNumber).startsWith("DPY-");
    // The script in the description is text, and it did not run.
    assertThat(browser.findElement(By.id("description")).getText()).isEqualTo(SCRIPT);
    assertThat(js("return window.__owned === undefined")).isEqualTo(true);
  }

  @Test
  @Order(3)
  void findTheInvoiceInTheListByItsNumber() throws Exception {
    go("/invoices");
    browser.findElement(By.id("q")).sendKeys(paidNumber);
    browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    wait(10).until(ExpectedConditions.urlContains("q=" + paidNumber));
    List<WebElement> rows = browser.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains(paidNumber).contains("9,700.00");
    checkAccessibilityAndSnap("invoices");
    rows.get(0).findElement(By.linkText(paidNumber)).click();
    wait(10).until(ExpectedConditions.urlMatches("/invoices/" + paidInvoice + "$"));
  }

  @Test
  @Order(4)
  void payItThroughTheSandboxAndWatchItReachPaidAndCompleteWithoutAReload() throws Exception {
    go("/invoices/" + paidInvoice);
    js("window.__sameDocument = 'yes'");
    String address = browser.findElement(By.id("deposit-address")).getText();
    checkAccessibilityAndSnap("invoice");
    JsonNode deposit = send("/sandbox/deposits",
        "{\"address\": \"" + address + "\", \"amount\": 0.1, \"coin\": \"BTC\", \"network\": \"BTC\"}");
    String tx = deposit.get("tx_id").asText();
    wait(30).until(d -> d.findElement(By.id("payments")).getText().contains(tx));
    send("/sandbox/deposits/" + tx + "/confirmations", "{\"confirmations\": 3}");
    wait(60).until(d -> List.of("paid", "complete").contains(d.findElement(By.id("status")).getText()));
    assertThat(browser.findElement(By.cssSelector("#payments .confirmations")).getText()).isEqualTo("3 of 3");
    wait(90).until(d -> d.findElement(By.id("status")).getText().equals("complete"));
    assertThat(js("return window.__sameDocument")).isEqualTo("yes");
  }

  @Test
  @Order(5)
  void verifyATxIdThroughTheFormAndCancelAnother() throws Exception {
    long other = createThroughTheApi("Second invoice");
    go("/invoices/" + other);
    browser.findElement(By.id("tx_hash")).sendKeys("feedfacecafe0001");
    browser.findElement(By.cssSelector("#verify-payment button")).click();
    WebElement verdict = wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
    assertThat(verdict.getText()).startsWith("Verification:").hasSizeGreaterThan("Verification: ".length());

    browser.findElement(By.id("cancel-reason")).sendKeys("client withdrew the order");
    browser.findElement(By.cssSelector("#cancel button")).click();
    wait(30).until(d -> d.findElement(By.id("status")).getText().equals("cancelled"));
    assertThat(browser.findElements(By.id("cancel"))).isEmpty();
  }

  @Test
  @Order(6)
  void aReadUserSeesNoActionsAndGets403PostingOne() throws Exception {
    users.create(1, "reader@example.com", passwords.encode("reader password 1"), ApiScope.READ, "browser test");
    long open = createThroughTheApi("For the reader");
    signOut();
    signIn("reader@example.com", "reader password 1");
    go("/invoices/" + open);
    assertThat(browser.findElements(By.cssSelector("form[action*='/actions/']"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("Actions</h2>");
    Object status = postFromThePage("/invoices/" + open + "/actions/cancel", "reason=mine");
    assertThat(status).isEqualTo(403L);
    assertThat(get("/api/invoice/" + open).get("status").asText()).isNotEqualTo("cancelled");
  }

  @Test
  @Order(7)
  void anotherTenantGets404OnThisTenantsInvoice() throws Exception {
    var other = tenants.create("andes", "Andes Hosting S.R.L.", "AND", ZoneId.of("America/La_Paz"));
    users.create(other.id(), "andes@example.com", passwords.encode("andes password 1"), ApiScope.ADMIN, "browser test");
    signOut();
    signIn("andes@example.com", "andes password 1");
    go("/invoices/" + paidInvoice);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(js("return fetch(location.href).then(r => r.status)")).isEqualTo(404L);
    go("/invoices?q=" + paidNumber);
    assertThat(browser.findElements(By.linkText(paidNumber))).isEmpty();
  }

  @Test
  @Order(8)
  void anAdminManagesKeysAndUsersInTheSettingsAndClientsInTheirPage() throws Exception {
    List<String> lines = Files.readAllLines(credentials);
    signOut();
    signIn(lines.get(0), lines.get(1));
    go("/settings");
    // The logo, uploaded through the form and shown from the console's own URL.
    Path logo = Files.createTempFile("logo", ".png");
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(240, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D paint = image.createGraphics();
    paint.setColor(new java.awt.Color(0x1f5fbf));
    paint.fillRect(0, 0, 240, 60);
    paint.setColor(java.awt.Color.WHITE);
    paint.fillRect(12, 12, 36, 36);
    paint.dispose();
    javax.imageio.ImageIO.write(image, "png", logo.toFile());
    browser.findElement(By.id("logo-file")).sendKeys(logo.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#logo-form button[type=submit]")).click();
    wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("current-logo")));
    wait(10).until(d -> ((Number) js("return document.getElementById('current-logo').naturalWidth")).intValue() == 240);
    checkAccessibilityAndSnap("settings");
    browser.findElement(By.id("key-name")).sendKeys("accounting");
    browser.findElement(By.cssSelector("#new-key-form button")).click();
    String key = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
    assertThat(key).startsWith("inv_");
    assertThat(get("/api/invoices?limit=1", key).isArray()).isTrue();
    assertThat(browser.findElement(By.id("new-key")).isDisplayed()).isTrue();
    go("/settings");
    assertThat(browser.getPageSource()).doesNotContain(key);
    go("/clients");
    checkAccessibilityAndSnap("clients");
  }

  // --- helpers

  private static void signOut() {
    go("/");
    browser.findElement(By.cssSelector("form.signout button")).click();
    wait(10).until(ExpectedConditions.urlContains("/login"));
  }

  /** Posts a form from the signed-in page with its CSRF token, as a forged button would; the HTTP status. */
  private static Object postFromThePage(String path, String body) {
    return ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const token = document.querySelector('input[name=_csrf]').value;"
            + "fetch(arguments[0], {method: 'POST', redirect: 'manual', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
            + " body: arguments[1] + '&_csrf=' + encodeURIComponent(token)}).then(r => done(r.status));",
        path, body);
  }

  private static long createThroughTheApi(String description) throws Exception {
    JsonNode created = send("/api/invoice/create",
        """
        {"client_id": 1, "amount_usd": 1200, "crypto_currency": "USDT", "crypto_network": "TRC20",
         "billing_period": "November 2026", "due_date": "%s", "description": "%s"}
        """.formatted(LocalDate.now().plusDays(15), description));
    return created.get("id").asLong();
  }

  private static JsonNode get(String path) throws Exception {
    return get(path, TestApiKeys.ADMIN);
  }

  private static JsonNode get(String path, String key) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static JsonNode send(String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }

  @SuppressWarnings("unused")
  private static Map<String, String> none() {
    return Map.of();
  }
}
