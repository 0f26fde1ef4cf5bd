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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard and the invoice list read the recorded invoices of the user's tenant only. */
class ConsoleListsTest extends ConsoleTest {

  @Autowired InvoiceRepository invoices;
  @Autowired ClientRepository clients;
  @Autowired TenantRepository tenants;
  @Autowired JdbcClient jdbc;

  ConsoleHttp admin;
  Client client;
  String tag;

  @BeforeEach
  void signIn() throws Exception {
    tag = UUID.randomUUID().toString().substring(0, 8);
    admin = signedIn(ApiScope.ADMIN);
    client = clients.create(Tenant.DEFAULT_TENANT_ID,
        new ClientFields("<script>alert('" + tag + "')</script>", null, null, null, null, null));
  }

  InvoiceRecord invoice(long tenantId, long clientId, String amount, String description) {
    BigDecimal usd = new BigDecimal(amount);
    return invoices.create(new NewInvoice(tenantId, clientId, usd, usd, null, null, BigDecimal.ZERO.setScale(2),
        CryptoCurrency.USDT, PaymentNetwork.TRC20, "November 2026", description, null, LocalDate.now(),
        LocalDate.now().plusDays(15), List.of(new LineItem(description, BigDecimal.ONE, usd, usd))));
  }

  @Test
  void theListSearchesFiltersSortsAndExportsAndEscapesWhatUsersTyped() throws Exception {
    InvoiceRecord small = invoice(Tenant.DEFAULT_TENANT_ID, client.id(), "100.00", "small");
    InvoiceRecord big = invoice(Tenant.DEFAULT_TENANT_ID, client.id(), "12345.67", "big");
    jdbc.sql("UPDATE invoices SET deposit_address = ? WHERE id = ?").params("TADDR" + tag, big.id()).update();

    // A page before the first is the first; the query binds by name for the list and its export.
    assertThat(admin.get("/invoices?page=-3&client=" + client.id()).body()).contains(big.invoiceNumber());
    HttpResponse<String> all = admin.get("/invoices?client=" + client.id());
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains(small.invoiceNumber()).contains(big.invoiceNumber()).contains("12,345.67")
        .contains("&lt;script&gt;alert(&#39;" + tag).doesNotContain("<script>alert(");

    assertThat(admin.get("/invoices?q=" + big.invoiceNumber()).body())
        .contains(big.invoiceNumber()).doesNotContain(small.invoiceNumber());
    assertThat(admin.get("/invoices?q=TADDR" + tag).body())
        .contains(big.invoiceNumber()).doesNotContain(small.invoiceNumber());

    String ascending = admin.get("/invoices?client=" + client.id() + "&sort=amount&dir=asc").body();
    assertThat(ascending.indexOf(small.invoiceNumber())).isLessThan(ascending.indexOf(big.invoiceNumber()));
    String descending = admin.get("/invoices?client=" + client.id() + "&sort=amount&dir=desc").body();
    assertThat(descending.indexOf(big.invoiceNumber())).isLessThan(descending.indexOf(small.invoiceNumber()));

    jdbc.sql("UPDATE invoices SET status = 'cancelled' WHERE id = ?").param(small.id()).update();
    assertThat(admin.get("/invoices?client=" + client.id() + "&status=open").body())
        .contains(big.invoiceNumber()).doesNotContain(small.invoiceNumber());
    assertThat(admin.get("/invoices?client=" + client.id() + "&status=cancelled").body())
        .contains(small.invoiceNumber()).doesNotContain(big.invoiceNumber());

    HttpResponse<String> csv = admin.get("/invoices/export?client=" + client.id() + "&sort=amount&dir=asc");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("invoice_number,client,amount_usd");
    assertThat(lines.get(1)).startsWith(small.invoiceNumber() + ",").contains(",100.00,").contains(",cancelled,");
    assertThat(lines.get(2)).startsWith(big.invoiceNumber() + ",").contains(",12345.67,").contains("TADDR" + tag);
  }

  @Test
  void theDashboardShowsTheFiguresTheChartAndTheLatestEvents() throws Exception {
    InvoiceRecord paid = invoice(Tenant.DEFAULT_TENANT_ID, client.id(), "777.00", "paid one");
    jdbc.sql("UPDATE invoices SET status = 'paid', paid_at = ? WHERE id = ?")
        .params(Timestamp.from(Instant.now()), paid.id()).update();
    HttpResponse<String> page = admin.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Open").contains("Partially paid").contains("Overdue").contains("Complete")
        .contains("<svg").contains("777.00 USD").contains(paid.invoiceNumber()).contains("CFO sync pending")
        .contains("Exchange");
  }

  @Test
  void anotherTenantsUserSeesNoneOfThisTenantsInvoices() throws Exception {
    Tenant other = tenants.create("t" + tag, "Other " + tag, "O" + tag.substring(0, 4).toUpperCase(), ZoneId.of("UTC"));
    ConsoleHttp stranger = signedIn(other.id(), ApiScope.ADMIN);
    InvoiceRecord mine = invoice(Tenant.DEFAULT_TENANT_ID, client.id(), "50.00", "mine");
    assertThat(stranger.get("/invoices?q=" + mine.invoiceNumber()).body())
        .doesNotContain(">" + mine.invoiceNumber() + "</a>").contains("No invoices match.");
    assertThat(stranger.get("/invoices/export").body()).doesNotContain(mine.invoiceNumber());
    assertThat(stranger.get("/").body()).doesNotContain(mine.invoiceNumber());
  }
}
