package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.support.RuntimeTargetsLog;
import com.deltaenergy.invoicing.testsupport.FreePorts;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default as a user runs it: in-process Temporal (no time skipping) and PostgreSQL. */
@SpringBootTest(
    classes = CryptoInvoicingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "invoicing.database.embedded.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedApplicationTest {

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    int temporal = FreePorts.next();
    int http = FreePorts.next();
    registry.add("invoicing.temporal.embedded.port", () -> temporal);
    // A defined port: the embedded MEXC client reaches the sandbox on the API's own port.
    registry.add("server.port", () -> http);
    registry.add("invoicing.sandbox.state-file", () -> "");
    // As a user sets it: an environment variable the defaults read (not the property itself).
    registry.add("EMBEDDED_SMTP_PORT", () -> SMTP_PORT);
    Path data = Files.createTempDirectory("invoicing-embedded");
    developmentKeyFile = data.resolve("dev-api-key");
    registry.add("invoicing.security.development-key-file", developmentKeyFile::toString);
    registry.add("invoicing.encryption.key-file", () -> data.resolve("encryption.key").toString());
    registry.add("invoicing.notifications.outbox-directory", () -> data.resolve("outbox").toString());
    registry.add("invoicing.documents.directory", () -> data.resolve("documents").toString());
  }

  private static Path developmentKeyFile;
  private static final int SMTP_PORT = FreePorts.next();

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired ObjectMapper json;
  @Autowired GreenMail mailServer;
  @Autowired Environment environment;
  @Autowired RuntimeTargetsLog targets;

  private final HttpClient http = HttpClient.newHttpClient();

  /** With no BOOTSTRAP_API_KEY the embedded default issues a development key and saves it. */
  private static String bearer() {
    try {
      return "Bearer " + Files.readString(developmentKeyFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFirstStartIssuesADevelopmentKeyThatTheApiAccepts() throws Exception {
    assertThat(Files.readString(developmentKeyFile).strip()).startsWith("inv_");
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(get("/api/invoices").statusCode()).isEqualTo(200);
  }

  @Test
  void theInProcessMailServerListensWhereEmbeddedSmtpPortSaysAndTheWorkerSendsThere() {
    assertThat(mailServer.getSmtp().getPort()).isEqualTo(SMTP_PORT);
    assertThat(environment.getProperty("invoicing.notifications.smtp.port", Integer.class)).isEqualTo(SMTP_PORT);
  }

  @Test
  void saysAtStartWhichExchangeAndWhichTemporal(CapturedOutput output) {
    targets.logTargets();
    assertThat(output.getOut())
        .contains("Exchange: sandbox exchange at http://127.0.0.1:" + port + "/sandbox")
        .contains("Temporal: 127.0.0.1:" + environment.getProperty("invoicing.temporal.embedded.port")
            + ", namespace default, task queue crypto-invoices");
    // the API's own line is left to the worker's in one process
    assertThat(output.getOut()).doesNotContain("Exchange: none in this process");
  }

  @Test
  void healthReportsDatabaseAndTemporal() throws Exception {
    JsonNode health = json.readTree(get("/actuator/health").body());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/temporal/status").asText()).isEqualTo("UP");
  }

  @Test
  void createdInvoiceIsServedByTheInProcessWorker() throws Exception {
    String body =
        """
        {"client_id": 3, "amount_usd": 1250.50, "crypto_currency": "TAO",
         "billing_period": "November 2025", "due_date": "%s", "description": "Validator hosting"}
        """
            .formatted(LocalDate.now().plusDays(14));
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoice/create")).header("Authorization", bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode invoice = json.readTree(created.body());

    // A query is answered by a worker: this one runs inside this JVM.
    InvoiceWorkflow workflow =
        client.newWorkflowStub(InvoiceWorkflow.class, invoice.get("workflow_id").asText());
    assertThat(workflow.status().state().invoiceNumber()).isEqualTo(invoice.get("invoice_number").asText());
    assertThat(workflow.status().state().status()).isEqualTo(InvoiceStatus.SENT);
  }

  @Test
  void theEmbeddedMexcClientTalksToTheSandboxOnTheApisPort() throws Exception {
    JsonNode check = json.readTree(get("/api/test-mexc").body());
    assertThat(check.get("healthy").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.get("endpoint").asText()).isEqualTo("http://127.0.0.1:" + port + "/sandbox");
    assertThat(check.get("permissions").toString()).contains("deposit-address-read");

    JsonNode price = json.readTree(get("/api/crypto-price/BTC?network=BTC").body());
    assertThat(price.get("price_usd").asText()).isEqualTo("97000");
    assertThat(price.get("decimals").asInt()).isEqualTo(8);
    HttpResponse<String> badPair = get("/api/crypto-price/BTC?network=TRC20");
    assertThat(badPair.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badPair.body()).at("/errors/0/field").asText()).isEqualTo("network");
  }

  @Test
  void timersTakeRealTime() {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker("timer-check").registerWorkflowImplementationTypes(SleepWorkflowImpl.class);
    factory.start();
    try {
      SleepWorkflow workflow =
          client.newWorkflowStub(
              SleepWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue("timer-check").build());
      long started = System.nanoTime();
      workflow.sleep(1500);
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(elapsedMillis).isGreaterThanOrEqualTo(1500);
    } finally {
      factory.shutdownNow();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", bearer()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @WorkflowInterface
  public interface SleepWorkflow {
    @WorkflowMethod
    void sleep(long millis);
  }

  public static class SleepWorkflowImpl implements SleepWorkflow {
    @Override
    public void sleep(long millis) {
      Workflow.sleep(Duration.ofMillis(millis));
    }
  }
}
