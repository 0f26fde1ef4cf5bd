package com.deltaenergy.invoicing.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.app.EmbeddedInRealTime;
import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A draft's preview PDF through the API and the console, rendered by the real worker of the
 * embedded application (its in-process Temporal service, the sandbox exchange's BTC price): the
 * API has no renderer and asks the worker through a short workflow.
 */
@EmbeddedInRealTime
class DraftPreviewEndToEndTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String PASSWORD = "correct horse battery staple";
  private static int port;

  @Autowired ConsoleUserRepository consoleUsers;
  @Autowired PasswordEncoder passwords;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedTestSetup setup = EmbeddedTestSetup.onFreePorts("invoicing-preview");
    port = setup.port();
    setup.register(registry);
  }

  @Test
  void aDraftsPreviewIsMarkedDraftUnnumberedUnpayableAndPricedAsAnEstimate() throws Exception {
    long id = draft();
    String readKey = key(TestApiKeys.ADMIN, "read");

    HttpResponse<byte[]> preview = get("/api/invoice/" + id + "/preview.pdf", readKey);

    assertThat(preview.statusCode()).as(new String(preview.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(preview.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("inline").contains("draft-" + id + "-preview.pdf");
    String text = text(preview.body());
    assertThat(text).contains("DRAFT").contains("Draft — not issued");
    assertThat(text).contains("USD 9,700.00");
    // The sandbox exchange prices BTC at USD 97,000: 0.1 BTC, said to be an estimate.
    assertThat(text).contains("Estimated amount: 0.10000000 BTC").contains("Rate estimate: 1 BTC = USD 97,000");
    assertThat(text).contains("Assigned when sent").doesNotContain("bc1q").doesNotContain("Scan to pay");
    assertThat(text).doesNotContain("DPY-");
    // Nothing was issued by looking: still a draft, no number, no address.
    JsonNode stored = json(exchange("GET", "/api/invoice/" + id, TestApiKeys.ADMIN, null));
    assertThat(stored.get("status").asText()).isEqualTo("draft");
    assertThat(stored.get("deposit_address").isNull()).isTrue();
  }

  @Test
  void anotherTenantsDraftIsNotFoundAndASentInvoiceIsAConflict() throws Exception {
    long id = draft();
    String otherTenantKey = otherTenantAdminKey();

    HttpResponse<byte[]> foreign = get("/api/invoice/" + id + "/preview.pdf", otherTenantKey);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(get("/api/invoice/99999999/preview.pdf", TestApiKeys.ADMIN).statusCode()).isEqualTo(404);

    HttpResponse<String> sent = exchange("POST", "/api/invoice/" + id + "/send", TestApiKeys.ADMIN, "");
    assertThat(sent.statusCode()).as(sent.body()).isIn(200, 202);
    String number = JSON.readTree(sent.body()).get("invoice_number").asText();

    HttpResponse<byte[]> issued = get("/api/invoice/" + id + "/preview.pdf", TestApiKeys.ADMIN);
    assertThat(issued.statusCode()).isEqualTo(409);
    assertThat(issued.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new String(issued.body(), StandardCharsets.UTF_8))
        .contains("no draft").contains(number).contains("/api/invoice/" + id + "/pdf");
  }

  @Test
  void theConsoleServesThePreviewToASignedInReaderOfTheTenantOnly() throws Exception {
    long id = draft();

    HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<byte[]> signedOut = anonymous.send(
        HttpRequest.newBuilder(uri("/invoices/" + id + "/preview.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpClient reader = signedIn(Tenant.DEFAULT_TENANT_ID);
    HttpResponse<byte[]> preview = reader.send(
        HttpRequest.newBuilder(uri("/invoices/" + id + "/preview.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(text(preview.body())).contains("Draft — not issued").contains("Assigned when sent");

    otherTenantAdminKey();
    long otherTenant = JSON.readTree(otherTenantCreated).at("/tenant/id").asLong();
    HttpClient stranger = signedIn(otherTenant);
    HttpResponse<String> foreign = stranger.send(
        HttpRequest.newBuilder(uri("/invoices/" + id + "/preview.pdf")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).contains("Not found");
  }

  // ---- helpers

  private String otherTenantCreated;

  private long draft() throws Exception {
    HttpResponse<String> created = exchange("POST", "/api/invoice/create", TestApiKeys.ADMIN, """
        {"client_id": 1, "amount_usd": 9700, "crypto_currency": "BTC", "billing_period": "November 2026",
         "due_date": "%s", "description": "Colocation", "draft": true}
        """.formatted(LocalDate.now().plusDays(20)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asLong();
  }

  private String otherTenantAdminKey() throws Exception {
    String suffix = UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("12345").substring(0, 4);
    HttpResponse<String> created = exchange("POST", "/api/admin/tenants", TestApiKeys.ADMIN, """
        {"slug": "preview-%s", "name": "Preview Tenant %s", "invoice_prefix": "P%s"}
        """.formatted(suffix, suffix, suffix));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    otherTenantCreated = created.body();
    return JSON.readTree(created.body()).at("/admin_key/key").asText();
  }

  private String key(String adminKey, String scope) throws Exception {
    HttpResponse<String> created = exchange("POST", "/api/admin/api-keys", adminKey,
        "{\"name\": \"preview-" + scope + "\", \"scope\": \"" + scope + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("key").asText();
  }

  /** A console session of a new read-role user of the tenant. */
  private HttpClient signedIn(long tenantId) throws Exception {
    String email = "reader-" + UUID.randomUUID() + "@example.com";
    consoleUsers.create(tenantId, email, passwords.encode(PASSWORD), ApiScope.READ, "test");
    HttpClient browser =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = CSRF.matcher(login);
    assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
    String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signIn = browser.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return browser;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<byte[]> get(String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> exchange(String method, String path, String key, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
