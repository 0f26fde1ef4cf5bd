package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings (admins: API keys shown once, console users) and clients (delete refused while invoiced). */
class ConsoleAdminPagesTest extends ConsoleTest {

  @Autowired ExchangeHealthRepository exchangeHealth;
  @Autowired com.deltaenergy.invoicing.persistence.client.ClientRepository clients;
  @Autowired com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository invoices;

  @Test
  void settingsAreForAdminsOnly() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    assertThat(writer.get("/settings").statusCode()).isEqualTo(403);
    assertThat(writer.get("/").body()).doesNotContain("href=\"/settings\"");
    writer.get("/");
    assertThat(writer.post("/settings/api-keys", Map.of("name", "x", "scope", "admin")).statusCode()).isEqualTo(403);
  }

  @Test
  void anAdminCreatesAKeyShownOnceThatWorksAndAddsAndDisablesAUser() throws Exception {
    ConsoleHttp admin = signedIn(ApiScope.ADMIN);
    HttpResponse<String> page = admin.get("/settings");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Tenant").contains("DPY").contains("API keys").contains("Console users");

    assertThat(admin.post("/settings/api-keys", Map.of("name", "", "scope", "read")).statusCode()).isEqualTo(302);
    assertThat(admin.get("/settings").body()).contains("is required");

    admin.post("/settings/api-keys", Map.of("name", "from the console", "scope", "read"));
    String shown = admin.get("/settings").body();
    Matcher key = Pattern.compile("id=\"new-key\">(inv_[^<]+)<").matcher(shown);
    assertThat(key.find()).as(shown).isTrue();
    HttpResponse<String> api = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices"))
            .header("Authorization", "Bearer " + key.group(1)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(admin.get("/settings").body()).doesNotContain(key.group(1)).contains("from the console");

    String email = "added-" + UUID.randomUUID() + "@example.com";
    admin.post("/settings/users", Map.of("email", email, "role", "read", "password", "short"));
    assertThat(admin.get("/settings").body()).contains("must be 12 to 72 characters");
    admin.post("/settings/users", Map.of("email", email, "role", "read", "password", "a long enough password"));
    assertThat(admin.get("/settings").body()).contains(email);
    ConsoleHttp added = new ConsoleHttp(port);
    assertThat(added.signIn(email, "a long enough password").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    long id = users.findByEmail(email).orElseThrow().id();
    admin.get("/settings");
    admin.post("/settings/users/" + id + "/disable", Map.of());
    assertThat(added.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void clientsAreAddedEditedAndNotDeletedWhileInvoiced() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    writer.get("/clients");
    String name = "Client " + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> bad = writer.post("/clients", Map.of("name", name, "contact_email", "not-an-email",
        "cfo_entity", "Entity"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"client-contact_email-error\"");
    HttpResponse<String> created = writer.post("/clients", Map.of("name", name, "contact_email", "billing@example.com"));
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(writer.get("/clients").body()).contains(name).contains("billing@example.com");

    // A client an invoice names stays.
    var invoiced = clients.create(Tenant.DEFAULT_TENANT_ID,
        new com.deltaenergy.invoicing.persistence.client.ClientFields("Invoiced " + name, null, null, null, null, null));
    java.math.BigDecimal usd = new java.math.BigDecimal("10.00");
    invoices.create(new com.deltaenergy.invoicing.persistence.invoice.NewInvoice(Tenant.DEFAULT_TENANT_ID, invoiced.id(),
        usd, usd, null, null, java.math.BigDecimal.ZERO.setScale(2), com.deltaenergy.invoicing.workflows.coin.CryptoCurrency.USDT,
        com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.TRC20, "November 2026", "x", null,
        java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(15),
        java.util.List.of(new com.deltaenergy.invoicing.persistence.invoice.LineItem("x", java.math.BigDecimal.ONE, usd, usd))));
    writer.get("/clients");
    writer.post("/clients/" + invoiced.id() + "/delete", Map.of());
    assertThat(writer.get("/clients").body()).contains("has invoices and cannot be deleted")
        .contains("aria-label=\"Delete Invoiced " + name + "\"");

    HttpResponse<String> page = writer.get("/clients");
    Matcher id = Pattern.compile("/clients/(\\d+)/delete\"(?:(?!</form>).)*aria-label=\"Delete " + Pattern.quote(name) + "\"", Pattern.DOTALL).matcher(page.body());
    assertThat(id.find()).as(page.body()).isTrue();
    writer.post("/clients/" + id.group(1) + "/delete", Map.of());
    assertThat(writer.get("/clients").body()).contains("Deleted " + name).doesNotContain("aria-label=\"Delete " + name);
  }

  @Test
  void anAdminChangesTheTenantsSettingsThroughTheApisValidation() throws Exception {
    ConsoleHttp admin = signedIn(ApiScope.ADMIN);
    admin.get("/settings");
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("issuer_address", "Av. Mariscal López 1234, Asunción");
    form.put("issuer_email", "not-an-email");
    form.put("smtp_port", "");
    form.put("operations_emails", "ops@example.com, cfo@example.com");
    form.put("dunning_offsets_days", "-1, 7, 14, 21, 30");
    form.put("smtp_password", "");
    admin.post("/settings/tenant", form);
    String refused = admin.get("/settings").body();
    assertThat(refused).contains("id=\"t-issuer_email-error\"").contains("must be an e-mail address")
        .contains("value=\"Av. Mariscal López 1234, Asunción\"");

    form.put("issuer_email", "billing@deltamining.example");
    form.put("smtp_password", "s3cret-password");
    admin.post("/settings/tenant", form);
    String saved = admin.get("/settings").body();
    assertThat(saved).contains("Settings saved.").contains("value=\"billing@deltamining.example\"")
        .contains("value=\"ops@example.com, cfo@example.com\"").contains("value=\"-1, 7, 14, 21, 30\"")
        .doesNotContain("s3cret-password");
    assertThat(saved).containsPattern("id=\"t-smtp_password-state\">set<");

    // A blank secret field keeps the secret.
    form.put("smtp_password", "");
    admin.post("/settings/tenant", form);
    assertThat(admin.get("/settings").body()).containsPattern("id=\"t-smtp_password-state\">set<");
  }

  @Test
  void anAdminUploadsShowsAndRemovesTheLogoThroughTheApisChecks() throws Exception {
    ConsoleHttp admin = signedIn(ApiScope.ADMIN);
    assertThat(admin.get("/settings").body()).contains("id=\"logo-form\"").contains("enctype=\"multipart/form-data\"");

    // Not an image: refused next to the field, nothing stored.
    HttpResponse<String> svg =
        admin.postFile("/settings/logo", "logo", "logo.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8));
    assertThat(svg.statusCode()).as(svg.body()).isEqualTo(302);
    String refused = admin.get("/settings").body();
    assertThat(refused).contains("id=\"logo-file-error\"").contains("must be a PNG or JPEG image").contains("id=\"no-logo\"");

    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    assertThat(admin.postFile("/settings/logo", "logo", "logo.png", "image/png", png.toByteArray()).statusCode()).isEqualTo(302);
    assertThat(admin.get("/settings").body()).contains("Logo saved.").contains("id=\"current-logo\"").contains("src=\"/settings/logo\"");
    HttpResponse<byte[]> served = admin.getBytes("/settings/logo");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(40);

    // A writer is no admin: neither the logo nor its removal.
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    assertThat(writer.getBytes("/settings/logo").statusCode()).isEqualTo(403);

    admin.get("/settings");
    admin.post("/settings/logo/delete", Map.of());
    assertThat(admin.get("/settings").body()).contains("Logo removed.").contains("id=\"no-logo\"");
    assertThat(admin.getBytes("/settings/logo").statusCode()).isEqualTo(404);
  }

  @Test
  void theDashboardShowsEveryExchangeProvidersHealth() throws Exception {
    String provider = "provider-" + UUID.randomUUID().toString().substring(0, 8);
    // An old check, so it is not the latest one the other figures show.
    exchangeHealth.save(new ExchangeCheck(provider, "https://exchange.example", false, true, List.of(), 0, 42,
        Instant.now().minus(Duration.ofDays(3)), List.of("unreachable: connection refused")));
    String dashboard = signedIn(ApiScope.READ).get("/").body();
    assertThat(dashboard).contains("id=\"exchange-providers\"").contains(provider)
        .contains("unreachable: connection refused");
  }
}
