package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The new-invoice form: the API's validation next to each field, one invoice per form however often it is sent. */
class ConsoleNewInvoiceTest extends ConsoleTest {

  @Autowired JdbcClient jdbc;
  @Autowired com.deltaenergy.invoicing.persistence.tenant.TenantRepository tenants;

  /** The default tenant's today: issue dates and form defaults are in the tenant's time zone, not the JVM's. */
  java.time.LocalDate tenantToday() {
    return java.time.LocalDate.now(
        tenants.findById(com.deltaenergy.invoicing.persistence.tenant.Tenant.DEFAULT_TENANT_ID).orElseThrow().timeZone());
  }

  long invoices() {
    return jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single();
  }

  @Test
  void fieldErrorsComeFromTheApisValidationAndNothingIsCreated() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    HttpResponse<String> form = writer.get("/invoices/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"idempotency_key\"")
        .contains("value=\"" + tenantToday().plusDays(15) + "\"")
        .contains("USDT on Tron (TRC20)").contains("BTC on Bitcoin");
    long before = invoices();
    Map<String, String> fields =
        NewInvoiceFields.of("1", "USDT:TRC20", "12.345", "November 2026", LocalDate.now().minusDays(3), "");
    HttpResponse<String> refused = writer.post("/invoices", fields);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"description-error\"").contains("is required")
        .contains("id=\"amount_usd-error\"").contains("must have at most 12 digits and 2 decimals")
        .contains("value=\"November 2026\"");
    assertThat(invoices()).isEqualTo(before);

    // The service's own checks (the due date before the issue date) come back the same way.
    fields.put("amount_usd", "12.34");
    fields.put("description", "Hosting");
    HttpResponse<String> late = writer.post("/invoices", fields);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("id=\"due_date-error\"").contains("must not be before the issue date");
    assertThat(invoices()).isEqualTo(before);
  }

  @Test
  void aFormSentTwiceCreatesOneInvoiceAndLineItemsAddUp() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    writer.get("/invoices/new");
    long before = invoices();
    Map<String, String> fields =
        NewInvoiceFields.of("1", "BTC:BTC", null, "November 2026", LocalDate.now().plusDays(15), "Colocation <b>bold</b>");
    fields.put("tax_rate_percent", "10");
    fields.put("line_description", "Rack space");
    fields.put("line_quantity", "2");
    fields.put("line_unit_price", "150.50");
    HttpResponse<String> first = writer.post("/invoices", fields);
    HttpResponse<String> second = writer.post("/invoices", fields);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    assertThat(second.statusCode()).isEqualTo(302);
    String location = first.headers().firstValue("Location").orElseThrow();
    assertThat(second.headers().firstValue("Location")).hasValue(location);
    assertThat(invoices()).isEqualTo(before + 1);
    Matcher id = Pattern.compile("/invoices/(\\d+)$").matcher(location);
    assertThat(id.find()).isTrue();
    assertThat(jdbc.sql("SELECT amount_usd FROM invoices WHERE id = ?").param(Long.parseLong(id.group(1)))
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("331.10");
    assertThat(writer.get("/invoices/" + id.group(1)).body()).contains("Colocation &lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void aReadUserGetsNoForm() throws Exception {
    ConsoleHttp reader = signedIn(ApiScope.READ);
    assertThat(reader.get("/invoices/new").statusCode()).isEqualTo(403);
    reader.get("/invoices");
    assertThat(reader.post("/invoices", Map.of("client_id", "1")).statusCode()).isEqualTo(403);
    assertThat(reader.get("/invoices").body()).doesNotContain("Create new invoice");
  }

  @Test
  void aClientAddedInlineIsCreatedLikeOnTheClientsPageAndChosenWithTheEnteredValuesKept() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    assertThat(writer.get("/invoices/new").body()).contains("<details class=\"new-client\" id=\"new-client\">")
        .contains("formaction=\"/invoices/new/client\"");
    String name = "Inline client " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields =
        NewInvoiceFields.of("", "BTC:BTC", "99.50", "December 2026", LocalDate.now().plusDays(20), "Kept <while> adding");
    fields.put("new_client_name", name);
    fields.put("new_client_contact_email", "not-an-email");

    HttpResponse<String> refused = writer.post("/invoices/new/client", fields);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"new_client_contact_email-error\"").contains("The client was not added")
        .contains("<details class=\"new-client\" id=\"new-client\" open=\"open\">")
        .contains("value=\"" + name + "\"").contains("value=\"99.50\"");
    assertThat(clients(name)).isZero();

    fields.put("new_client_contact_email", "ap@inline.example");
    HttpResponse<String> added = writer.post("/invoices/new/client", fields);
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(clients(name)).isEqualTo(1);
    long id = jdbc.sql("SELECT id FROM clients WHERE name = ?").param(name).query(Long.class).single();
    assertThat(jdbc.sql("SELECT contact_email FROM clients WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("ap@inline.example");
    assertThat(added.body()).contains("id=\"client-added\"")
        .containsPattern("<option value=\"" + id + "\" selected=\"selected\">")
        .contains("value=\"99.50\"").contains("value=\"December 2026\"").contains("Kept &lt;while&gt; adding")
        .contains("value=\"" + fields.get("idempotency_key") + "\"");

    // The same name again is refused next to the name, as on the clients page.
    HttpResponse<String> twice = writer.post("/invoices/new/client", fields);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("id=\"new_client_name-error\"").contains("another client has this name");

    // A reader cannot add one.
    ConsoleHttp reader = signedIn(ApiScope.READ);
    reader.get("/");
    fields.put("new_client_name", name + " by a reader");
    assertThat(reader.post("/invoices/new/client", fields).statusCode()).isEqualTo(403);
    assertThat(clients(name + " by a reader")).isZero();
  }

  private long clients(String name) {
    return jdbc.sql("SELECT count(*) FROM clients WHERE name = ?").param(name).query(Long.class).single();
  }
}
