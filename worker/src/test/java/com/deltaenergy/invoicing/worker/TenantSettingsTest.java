package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantChanges;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.PaymentNetwork;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second tenant with its own branding, SMTP server, operations list, webhook and secret, and
 * dunning schedule: its invoice's PDF, mail and events use them, and nothing of it goes through
 * the environment's (the default tenant's) channels.
 */
class TenantSettingsTest extends WorkerIntegrationTest {

  private static final String WEBHOOK_SECRET = "andes-webhook-secret";

  @Autowired TenantRepository tenants;
  @Autowired ClientRepository clients;

  private GreenMail tenantMail;
  private HttpServer webhookReceiver;
  private final BlockingQueue<Map.Entry<String, String>> webhookCalls = new LinkedBlockingQueue<>();

  @BeforeEach
  void receivers() throws Exception {
    tenantMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    tenantMail.start();
    webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhookReceiver.createContext(
        "/events",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          webhookCalls.add(Map.entry(String.valueOf(exchange.getRequestHeaders().getFirst("X-Invoicing-Signature")), body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhookReceiver.start();
  }

  @AfterEach
  void stopReceivers() {
    tenantMail.stop();
    webhookReceiver.stop(0);
  }

  @Test
  void aTenantsInvoiceUsesItsOwnBrandingMailServerRecipientsWebhookAndSchedule() throws Exception {
    Tenant andes = tenants.create("andes-hosting", "Andes Hosting S.R.L.", "AND", ZoneId.of("America/Asuncion"));
    tenants.update(
        andes.id(),
        new TenantChanges(
            null, null, "Av. Mariscal López 1234\nAsunción", "RUC 80012345-6", "billing@andes.example", null, "#1f6feb",
            null, null, "127.0.0.1", tenantMail.getSmtp().getPort(), null, null,
            "Andes Hosting <billing@andes.example>", false, false, List.of("ops@andes.example"),
            List.of("http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/events"),
            Secret.of(WEBHOOK_SECRET), List.of(-3, 10, 20, 25, 40)));
    InvoiceRecord invoice = invoiceOf(andes, "Cordillera Data", PaymentNetwork.TRC20, "800.00");
    assertThat(invoice.invoiceNumber()).startsWith("AND-");
    int defaultMailBefore = MAIL.getReceivedMessages().length;

    InvoiceWorkflow workflow = startAndIssue(invoice);

    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    try (var document = Loader.loadPDF(Files.readAllBytes(Path.of(issued.progress().pdfPath())))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Andes Hosting S.R.L.", "Av. Mariscal López 1234", "RUC 80012345-6", "billing@andes.example")
          .doesNotContain("Delta Mining Paraguay");
    }

    assertThat(tenantMail.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1)).isTrue();
    MimeMessage created = tenantMail.getReceivedMessages()[0];
    assertThat(created.getSubject()).contains(invoice.invoiceNumber()).contains("Andes Hosting");
    assertThat(((InternetAddress) created.getFrom()[0]).getAddress()).isEqualTo("billing@andes.example");
    assertThat(Arrays.stream(created.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly("ops@andes.example");

    Map.Entry<String, String> call = webhookCalls.poll(30, TimeUnit.SECONDS);
    assertThat(call).as("the tenant's webhook was called").isNotNull();
    assertThat(call.getValue()).contains("\"invoice.created\"").contains(invoice.invoiceNumber());
    assertThat(call.getKey()).isEqualTo("sha256=" + hmac(call.getValue()));

    List<DunningStage> stages = workflow.status().state().dunning();
    assertThat(stages).extracting(DunningStage::offsetDays).containsExactly(-3, 10, 20, 25, 40);

    // Nothing of this tenant went to the environment's mail server (the default tenant's).
    pause(Duration.ofMillis(500));
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).skip(defaultMailBefore).map(WorkerIntegrationTest::subject))
        .noneMatch(subject -> subject.contains(invoice.invoiceNumber()));
  }

  @Test
  void aClientsOwnDunningScheduleIsTheOneItsInvoicesUse() {
    // as the clients API stores it (dunning_offsets_days), for a client of the default tenant
    Client client =
        clients.create(1L, new ClientFields("Schedule Hosting " + System.nanoTime(), null, null, null, null, null, "PY",
            List.of(-2, 3, 9, 16, 33)));
    BigDecimal amount = new BigDecimal("150.00");
    InvoiceRecord invoice =
        invoices.create(
            new NewInvoice(1L, client.id(), amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
                PaymentNetwork.TRC20, "November 2025", "Hosting", null, today(), today().plusDays(20),
                List.of(new LineItem("Hosting", BigDecimal.ONE, amount, amount))));

    InvoiceWorkflow workflow = startAndIssue(invoice);

    assertThat(workflow.status().state().dunning()).extracting(DunningStage::offsetDays).containsExactly(-2, 3, 9, 16, 33);
    // the tenant's own invoices keep the tenant's (here: the environment's) schedule
    InvoiceWorkflow ours = startAndIssue(storeInvoice(PaymentNetwork.TRC20, "150.00", today().plusDays(20)));
    assertThat(ours.status().state().dunning()).extracting(DunningStage::offsetDays).containsExactly(-1, 7, 14, 21, 30);
  }

  @Test
  void aTenantsOwnExchangeKeyIsTheOneTheExchangeSees() {
    Tenant quipu = tenants.create("quipu-mining", "Quipu Mining S.A.", "QPU", ZoneId.of("America/Asuncion"));
    TenantChanges ownKey =
        new TenantChanges(null, null, null, null, null, null, null, "mx0-quipu-own-key", Secret.of("quipu-secret"), null,
            null, null, null, null, null, null, null, null, null, null);
    tenants.update(quipu.id(), ownKey);
    InvoiceRecord invoice = invoiceOf(quipu, "Puna Compute", PaymentNetwork.BTC, "120.00");

    // The sandbox knows only the environment's key: the tenant's own key is refused by it.
    assertThatThrownBy(() -> startAndIssue(invoice))
        .hasMessageContaining("issuing failed")
        .hasMessageContaining("Api key info invalid");
    assertThat(invoices.findById(invoice.id()).orElseThrow().depositAddress()).isNull();

    // The default tenant's invoices are unaffected.
    InvoiceRecord ours = storeInvoice(PaymentNetwork.BTC, "120.00", today().plusDays(20));
    startAndIssue(ours);
    assertThat(invoices.findById(ours.id()).orElseThrow().depositAddress()).isNotNull();
  }

  /** A new client of the tenant and a stored draft invoice to it, due in 20 days. */
  private InvoiceRecord invoiceOf(Tenant tenant, String clientName, PaymentNetwork network, String usd) {
    long client =
        jdbc.sql("INSERT INTO clients (tenant_id, name) VALUES (?, ?) RETURNING id")
            .params(tenant.id(), clientName).query(Long.class).single();
    BigDecimal amount = new BigDecimal(usd);
    return invoices.create(
        new NewInvoice(tenant.id(), client, amount, amount, null, null, new BigDecimal("0.00"), network.currency(),
            network, "November 2025", "Hosting", null, today(), today().plusDays(20),
            List.of(new LineItem("Hosting", BigDecimal.ONE, amount, amount))));
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
