package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.outbound.HostResolver;
import com.deltaenergy.invoicing.persistence.outbound.OutboundTargets;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantChanges;
import com.deltaenergy.invoicing.persistence.tenant.TenantLogo;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.testsupport.TestHostResolver;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A second tenant with its own branding, SMTP server, operations list, webhook and secret, and
 * dunning schedule: its invoice's PDF, mail and events use them, and nothing of it goes through
 * the environment's (the default tenant's) channels.
 */
@Import(TenantSettingsTest.Resolver.class)
class TenantSettingsTest extends WorkerIntegrationTest {

  private static final String WEBHOOK_SECRET = "andes-webhook-secret";

  /** Names of this test; "127.0.0.1" itself is on the tests' allow-list, these names are not. */
  static final TestHostResolver RESOLVER = new TestHostResolver();

  @TestConfiguration
  static class Resolver {
    @Bean
    @Primary
    HostResolver testHostResolver() {
      return RESOLVER;
    }
  }

  /** A name only this test's resolver knows, allow-listed like the operator's own receivers. */
  private static final String ALLOWED_NAME = "receivers.allowed.test";

  @DynamicPropertySource
  static void allowList(DynamicPropertyRegistry registry) {
    registry.add("invoicing.outbound.allowed-private-hosts", () -> "127.0.0.1," + ALLOWED_NAME);
  }

  @Autowired TenantRepository tenants;
  @Autowired OutboundTargets targets;
  @Autowired NotificationRepository notifications;
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
    webhookReceiver.createContext(
        "/moved",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = ("moved; " + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/events");
          exchange.sendResponseHeaders(302, body.length);
          exchange.getResponseBody().write(body);
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
            null, null, "Av. Mariscal López 1234\nAsunción", "RUC 80012345-6", "billing@andes.example", "#1f6feb",
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
  void namesRePointedToLoopbackAfterTheyWereSavedAreRefusedAtDeliveryWithoutAConnection() throws Exception {
    RESOLVER.point("mail.rimac.test", "203.0.113.25").point("hooks.rimac.test", "203.0.113.80");
    // Both pass the check when saved (as the API checks them) ...
    assertThat(targets.check("mail.rimac.test")).isNotEmpty();
    assertThat(targets.check("hooks.rimac.test")).isNotEmpty();
    Tenant rimac = tenants.create("rimac-ssrf", "Rimac S.A.", "RMC", ZoneId.of("America/Asuncion"));
    tenants.update(
        rimac.id(),
        new TenantChanges(
            null, null, null, null, "billing@rimac.example", null, null, null, "mail.rimac.test",
            tenantMail.getSmtp().getPort(), null, null, "Rimac <billing@rimac.example>", false, false,
            List.of("ops@rimac.example"),
            List.of("http://hooks.rimac.test:" + webhookReceiver.getAddress().getPort() + "/events"), null, null));
    // ... and then point at the worker's own machine, where the test's receivers listen.
    RESOLVER.point("mail.rimac.test", "127.0.0.1").point("hooks.rimac.test", "127.0.0.1");
    InvoiceRecord invoice = invoiceOf(rimac, "Misti Hosting", PaymentNetwork.TRC20, "450.00");

    startAndIssue(invoice);

    List<NotificationRepository.Notification> refused =
        eventually(
            () -> notifications.forInvoice(rimac.id(), invoice.id()),
            list -> list.size() >= 2 && list.stream().allMatch(n -> n.status().equals("failed")));
    assertThat(refused).extracting(NotificationRepository.Notification::channel).contains("email", "webhook");
    assertThat(refused).allSatisfy(n -> assertThat(n.lastError()).contains("refused", "127.0.0.1", "a loopback address"));
    assertThat(refused).filteredOn(n -> n.channel().equals("webhook")).allSatisfy(n -> assertThat(n.lastError())
        .contains("hooks.rimac.test"));
    // Never a connection attempt: neither receiver heard from the worker.
    pause(Duration.ofMillis(500));
    assertThat(webhookCalls).isEmpty();
    assertThat(tenantMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void anAllowListedNameIsReachedAtTheAddressThatWasChecked() throws Exception {
    // The system's DNS does not know this name: only a connection to the checked address works.
    RESOLVER.point(ALLOWED_NAME, "127.0.0.1");
    Tenant puno = tenants.create("puno-allowed", "Puno S.A.", "PNO", ZoneId.of("America/Asuncion"));
    tenants.update(
        puno.id(),
        new TenantChanges(
            null, null, null, null, "billing@puno.example", null, null, null, ALLOWED_NAME,
            tenantMail.getSmtp().getPort(), null, null, "Puno <billing@puno.example>", false, false,
            List.of("ops@puno.example"),
            List.of("http://" + ALLOWED_NAME + ":" + webhookReceiver.getAddress().getPort() + "/events"), null, null));
    InvoiceRecord invoice = invoiceOf(puno, "Titicaca Compute", PaymentNetwork.TRC20, "150.00");

    startAndIssue(invoice);

    assertThat(tenantMail.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1)).isTrue();
    assertThat(tenantMail.getReceivedMessages()[0].getSubject()).contains(invoice.invoiceNumber());
    Map.Entry<String, String> call = webhookCalls.poll(30, TimeUnit.SECONDS);
    assertThat(call).as("the webhook was called").isNotNull();
    assertThat(call.getValue()).contains(invoice.invoiceNumber());
  }

  @Test
  void aRedirectIsNotFollowedAndAtMostOneKilobyteOfTheAnswerIsKept() throws Exception {
    Tenant cusco = tenants.create("cusco-redirect", "Cusco S.A.", "CUS", ZoneId.of("America/Asuncion"));
    tenants.update(
        cusco.id(),
        new TenantChanges(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            List.of("http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/moved"), null, null));
    InvoiceRecord invoice = invoiceOf(cusco, "Sacsayhuaman Data", PaymentNetwork.TRC20, "90.00");

    startAndIssue(invoice);

    NotificationRepository.Notification webhook =
        eventually(
            () -> notifications.forInvoice(cusco.id(), invoice.id()).stream()
                .filter(n -> n.channel().equals("webhook") && n.status().equals("failed")).findFirst().orElse(null),
            n -> n != null);
    assertThat(webhook.lastError()).startsWith("webhook answered HTTP 302: moved; xxx");
    assertThat(webhook.lastError().length()).isLessThanOrEqualTo("webhook answered HTTP 302: ".length() + 1024);
    pause(Duration.ofMillis(500));
    assertThat(webhookCalls).as("the redirect's target was not called").isEmpty();
  }

  @Test
  void aClientsOwnDunningScheduleIsTheOneItsInvoicesUse() {
    // as the clients API stores it (dunning_offsets_days), for a client of the default tenant
    Client client =
        clients.create(1L, new ClientFields("Schedule Hosting " + System.nanoTime(), null, null, null, null, null, "PY",
            List.of(-2, 3, 9, 16, 33), null));
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
        new TenantChanges(null, null, null, null, null, null, "mx0-quipu-own-key", Secret.of("quipu-secret"), null,
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

  @Test
  void anUploadedLogoIsPrintedOnItsTenantsPdfAndNowhereElse() throws Exception {
    Tenant lima = tenants.create("lima-logo", "Lima Logo S.A.", "LIM", ZoneId.of("America/Asuncion"));
    Tenant plain = tenants.create("plain-nologo", "Plain S.A.", "PLN", ZoneId.of("America/Asuncion"));
    BufferedImage logo = new BufferedImage(90, 30, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 90; x++) {
      for (int y = 0; y < 30; y++) {
        logo.setRGB(x, y, x < 45 ? 0xD01020 : 0x1040C0);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", png);
    tenants.storeLogo(lima.id(), new TenantLogo(png.toByteArray(), TenantLogo.PNG));

    InvoiceRecord withLogo = invoiceOf(lima, "Rimac Compute", PaymentNetwork.TRC20, "300.00");
    InvoiceRecord otherTenant = invoiceOf(plain, "Chala Data", PaymentNetwork.TRC20, "300.00");
    InvoiceRecord defaultTenant = storeInvoice(PaymentNetwork.TRC20, "300.00", today().plusDays(20));
    startAndIssue(withLogo);
    startAndIssue(otherTenant);
    startAndIssue(defaultTenant);

    List<BufferedImage> images = pdfImages(withLogo);
    assertThat(images).as("the logo and the QR code").hasSize(2);
    BufferedImage printed = images.stream().filter(i -> i.getWidth() == 90 && i.getHeight() == 30).findFirst().orElseThrow();
    assertThat(printed.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xD01020);
    assertThat(printed.getRGB(80, 20) & 0xFFFFFF).isEqualTo(0x1040C0);
    assertThat(pdfImages(otherTenant)).as("another tenant's PDF: the QR code only").hasSize(1);
    assertThat(pdfImages(defaultTenant)).as("the default tenant's PDF: the QR code only").hasSize(1);
  }

  private List<BufferedImage> pdfImages(InvoiceRecord invoice) throws Exception {
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    List<BufferedImage> images = new ArrayList<>();
    try (var document = Loader.loadPDF(Files.readAllBytes(Path.of(issued.progress().pdfPath())))) {
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            images.add(image.getImage());
          }
        }
      }
    }
    return images;
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
