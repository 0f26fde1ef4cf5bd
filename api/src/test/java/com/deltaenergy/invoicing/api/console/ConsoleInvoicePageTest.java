package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The invoice page shows the recorded state (and its live part follows PostgreSQL), offers actions
 * by role and state, validates them like the API, and keeps tenants apart. The actions' effect on
 * a running workflow is covered by the browser suite against the embedded application.
 */
class ConsoleInvoicePageTest extends ConsoleTest {

  static final String SCRIPT = "<script>document.title='owned'</script>";

  @Autowired InvoiceRepository invoices;
  @Autowired TenantRepository tenants;
  @Autowired JdbcClient jdbc;
  @Autowired ClientRepository clients;

  String tag;
  InvoiceRecord invoice;

  @BeforeEach
  void anInvoice() {
    tag = UUID.randomUUID().toString().substring(0, 8);
    BigDecimal usd = new BigDecimal("250.00");
    invoice = invoices.create(new NewInvoice(Tenant.DEFAULT_TENANT_ID, 1, usd, usd, null, null, BigDecimal.ZERO.setScale(2),
        CryptoCurrency.USDT, PaymentNetwork.TRC20, "November 2026", SCRIPT, null, LocalDate.now(),
        LocalDate.now().plusDays(15), List.of(new LineItem(SCRIPT, BigDecimal.ONE, usd, usd))));
    jdbc.sql("UPDATE invoices SET status = 'sent', deposit_address = ?, crypto_amount = 250, exchange_rate = 1,"
            + " rate_source = 'fixed', rate_locked_at = now() WHERE id = ?")
        .params("TXaddr" + tag, invoice.id()).update();
  }

  @Test
  void thePageShowsTheRecordedInvoiceEscapedWithItsQrCodeAndActions() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    HttpResponse<String> page = writer.get("/invoices/" + invoice.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(invoice.invoiceNumber())
        .contains("&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;")
        .doesNotContain(SCRIPT)
        .contains("TXaddr" + tag)
        .contains("class=\"qr\"")
        .contains("hx-get=\"/invoices/" + invoice.id() + "/live")
        .contains("hx-trigger=\"every 2s\"")
        .contains("id=\"verify-payment\"").contains("id=\"cancel\"").contains("id=\"mark-paid\"")
        .contains("id=\"extend-due-date\"").contains("id=\"pause-reminders\"")
        .doesNotContain("id=\"resume-reminders\"").doesNotContain("id=\"sync-to-cfo\"");
  }

  @Test
  void theLivePartFollowsWhatIsRecordedInPostgres() throws Exception {
    ConsoleHttp reader = signedIn(ApiScope.READ);
    String shown = "sent:" + jdbc.sql("SELECT state_version FROM invoices WHERE id = ?").param(invoice.id()).query(Long.class).single();
    HttpResponse<String> before = reader.get("/invoices/" + invoice.id() + "/live?shown=" + shown);
    assertThat(before.body()).startsWith("<div").contains("No payment seen yet.").contains(">sent<")
        .doesNotContain("<html").doesNotContain("The invoice has changed");

    jdbc.sql("""
        INSERT INTO payment_transactions (tenant_id, invoice_id, tx_hash, network, exchange_network, address, coin,
            amount, confirmations, confirmations_required, deposit_status, counts, first_seen_at, inserted_at, updated_at, state_version)
        VALUES (1, ?, ?, 'TRC20', 'TRX', ?, 'USDT', 250, 7, 20, 'pending', true, now(), now(), now(), 1)
        """).params(invoice.id(), "tx" + tag, "TXaddr" + tag).update();
    jdbc.sql("UPDATE invoices SET status = 'confirming', state_version = state_version + 1 WHERE id = ?").param(invoice.id()).update();

    HttpResponse<String> after = reader.get("/invoices/" + invoice.id() + "/live?shown=" + shown);
    assertThat(after.body()).contains(">confirming<").contains("tx" + tag).contains("7 of 20")
        .contains("The invoice has changed");
  }

  @Test
  void theNextReminderFollowsTheClientsOwnOffsetsFromTheDueDateAndTheLastStageSent() throws Exception {
    Client client = clients.create(Tenant.DEFAULT_TENANT_ID, new ClientFields("Reminded " + tag, "ap@example.com",
        null, null, null, null, null, List.of(-3, 2, 5, 9, 40), null));
    jdbc.sql("UPDATE invoices SET client_id = ?, issued_at = now() - interval '1 day' WHERE id = ?")
        .params(client.id(), invoice.id()).update();
    ZoneId zone = tenants.findById(Tenant.DEFAULT_TENANT_ID).orElseThrow().timeZone();
    ConsoleHttp reader = signedIn(ApiScope.READ);

    assertThat(nextReminder(reader)).startsWith("stage 1 · " + at(invoice.dueDate().minusDays(3), zone));

    jdbc.sql("UPDATE invoices SET dunning_stage = 1 WHERE id = ?").param(invoice.id()).update();
    assertThat(nextReminder(reader)).startsWith("stage 2 · " + at(invoice.dueDate().plusDays(2), zone));

    jdbc.sql("UPDATE invoices SET dunning_paused = true WHERE id = ?").param(invoice.id()).update();
    assertThat(nextReminder(reader)).isEqualTo("none (paused)");

    jdbc.sql("UPDATE invoices SET dunning_paused = false, status = 'paid' WHERE id = ?").param(invoice.id()).update();
    assertThat(nextReminder(reader)).isEqualTo("—");
  }

  @Test
  void withoutTheClientsOwnOffsetsTheNextReminderUsesTheDefaultScheduleAndSkipsStagesBeforeIssue() throws Exception {
    // Issued after stage 1 (due −1 day) would have gone out: the workflow skips it, so stage 2 is next.
    jdbc.sql("UPDATE invoices SET due_date = current_date - 2, issued_at = now() WHERE id = ?").param(invoice.id()).update();
    ZoneId zone = tenants.findById(Tenant.DEFAULT_TENANT_ID).orElseThrow().timeZone();
    ConsoleHttp reader = signedIn(ApiScope.READ);
    assertThat(nextReminder(reader)).startsWith("stage 2 · " + at(LocalDate.now().minusDays(2).plusDays(7), zone));
  }

  private String nextReminder(ConsoleHttp reader) throws Exception {
    String body = reader.get("/invoices/" + invoice.id() + "/live").body();
    Matcher m = Pattern.compile("id=\"next-reminder\">([^<]*)<").matcher(body);
    assertThat(m.find()).as("next reminder in %s", body).isTrue();
    return HtmlUtils.htmlUnescape(m.group(1));
  }

  private static String at(LocalDate day, ZoneId zone) {
    return new ConsoleFormat().time(day.atTime(9, 0).atZone(zone).toInstant(), zone);
  }

  @Test
  void aReadUserSeesNoActionsAndIsRefusedWhenPostingOne() throws Exception {
    ConsoleHttp reader = signedIn(ApiScope.READ);
    HttpResponse<String> page = reader.get("/invoices/" + invoice.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("/actions/").doesNotContain("Actions</h2>");
    HttpResponse<String> posted = reader.post("/invoices/" + invoice.id() + "/actions/cancel", Map.of("reason", "nope"));
    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(jdbc.sql("SELECT status FROM invoices WHERE id = ?").param(invoice.id()).query(String.class).single())
        .isEqualTo("sent");
  }

  @Test
  void anActionWithoutItsReasonShowsTheApisFieldErrorNextToTheField() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    writer.get("/invoices/" + invoice.id());
    HttpResponse<String> posted = writer.post("/invoices/" + invoice.id() + "/actions/cancel", Map.of("reason", " "));
    assertThat(posted.statusCode()).isEqualTo(302);
    HttpResponse<String> page = writer.get("/invoices/" + invoice.id());
    assertThat(page.body()).contains("id=\"cancel-reason-error\"").contains("is required").contains("aria-invalid=\"true\"");

    writer.post("/invoices/" + invoice.id() + "/actions/verify-payment", Map.of("tx_hash", "not a hash!"));
    assertThat(writer.get("/invoices/" + invoice.id()).body())
        .contains("id=\"tx_hash-error\"").contains("must be a transaction hash");

    // CFO sync of an unpaid invoice: refused with the API's words, nothing sent to the workflow
    writer.post("/invoices/" + invoice.id() + "/actions/sync-to-cfo", Map.of("reason", "try"));
    assertThat(writer.get("/invoices/" + invoice.id()).body()).contains("only paid invoices are booked in the CFO ledger");
  }

  @Test
  void anotherTenantsInvoiceIsNotFound() throws Exception {
    Tenant other = tenants.create("p" + tag, "Page " + tag, "P" + tag.substring(0, 4).toUpperCase(), ZoneId.of("UTC"));
    ConsoleHttp stranger = signedIn(other.id(), ApiScope.ADMIN);
    assertThat(stranger.get("/invoices/" + invoice.id()).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/invoices/" + invoice.id() + "/live").statusCode()).isEqualTo(404);
    stranger.get("/invoices");
    assertThat(stranger.post("/invoices/" + invoice.id() + "/actions/cancel", Map.of("reason", "mine now")).statusCode())
        .isEqualTo(404);
  }
}
