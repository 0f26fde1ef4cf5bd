package com.deltaenergy.invoicing.worker;

import com.deltaenergy.invoicing.activities.scanner.DepositScanner;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.testsupport.FreePorts;
import com.deltaenergy.invoicing.testsupport.SandboxEndpoint;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatusView;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.testing.TestWorkflowEnvironment;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker with all its real activities: PostgreSQL, the sandbox exchange over HTTP (served by
 * this test application), a real SMTP server (GreenMail), and Temporal's time-skipping test
 * environment, so a month of dunning runs in seconds. Deposits become visible when a test runs a
 * scan, exactly as a cycle of the scanner workflow would.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "spring.main.web-application-type=servlet",
      "invoicing.sandbox.confirmation-interval=0s",
      "invoicing.exchange.min-fetch-spacing=0s",
    })
@ActiveProfiles("test")
// Each test class binds the same fixed port (the sandbox URL must be known before start-up): a
// cached context of one class would hold the port another class needs.
@DirtiesContext
public abstract class WorkerIntegrationTest {

  protected static final String KEY = "mx0worker-test";
  protected static final String SECRET = "worker-test-secret";
  private static final SandboxEndpoint ENDPOINT = new SandboxEndpoint(KEY, SECRET);
  protected static final int HTTP_PORT = ENDPOINT.port();
  protected static final String SANDBOX = ENDPOINT.url();
  protected static final int SMTP_PORT = freePort();
  /** The mail server; an outage test replaces it with a fresh one on the same port. */
  protected static GreenMail MAIL = startMail();
  protected static final Path DOCUMENTS = temporaryDirectory();
  protected static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    ENDPOINT.register(registry);
    registry.add("invoicing.notifications.smtp.host", () -> "127.0.0.1");
    registry.add("invoicing.notifications.smtp.port", () -> SMTP_PORT);
    registry.add("invoicing.documents.directory", DOCUMENTS::toString);
  }

  @Autowired protected WorkflowClient client;
  @Autowired protected TestWorkflowEnvironment env;
  @Autowired protected InvoiceRepository invoices;
  @Autowired protected DepositScanner scanner;
  @Autowired protected JdbcClient jdbc;

  @Value("${invoicing.temporal.task-queue}")
  protected String taskQueue;

  /**
   * Ends what a test left running: the environment is shared by the class's tests, and another
   * test's month of timers and retries would otherwise run inside the next test's time skip.
   */
  @AfterEach
  void terminateOpenWorkflows() {
    var open =
        client.getWorkflowServiceStubs().blockingStub()
            .listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setMaximumPageSize(1000)
                    .build());
    for (var execution : open.getExecutionsList()) {
      try {
        client.newUntypedWorkflowStub(execution.getExecution().getWorkflowId()).terminate("test over");
      } catch (WorkflowNotFoundException closedSinceListed) {
        // It completed between the listing and the terminate: it is closed, which is all we want.
      }
    }
  }

  protected InvoiceRecord storeInvoice(PaymentNetwork network, String usd, LocalDate dueDate) {
    BigDecimal amount = new BigDecimal(usd);
    return invoices.create(
        new NewInvoice(1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), network.currency(),
            network, "November 2025", "Hosting", null, today(), dueDate,
            List.of(new LineItem("Hosting", BigDecimal.ONE, amount, amount))));
  }

  /** Starts the invoice's workflow as the API does and waits until it is issued. */
  protected InvoiceWorkflow startAndIssue(InvoiceRecord invoice) {
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    WorkflowClient.start(
        workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    InvoiceStatusView issued = workflow.awaitIssued();
    if (issued.state().issueError() != null) {
      throw new AssertionError("issuing failed: " + issued.state().issueError());
    }
    return client.newWorkflowStub(InvoiceWorkflow.class, invoice.workflowId());
  }

  /** The workflow's today: the time-skipping environment's clock in the issuer's time zone. */
  protected LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneId.of("America/Asuncion"));
  }

  protected Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  /** One scanner cycle, now. */
  protected void scan() {
    scanner.scan(now());
  }

  protected InvoiceState await(InvoiceWorkflow workflow, Predicate<InvoiceState> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    InvoiceState state = workflow.status().state();
    while (state == null || !condition.test(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out; last state " + (state == null ? null : state.status()));
      }
      pause(Duration.ofMillis(50));
      state = workflow.status().state();
    }
    return state;
  }

  /** The stored projection follows the workflow by an activity: read it until it has caught up. */
  protected static <T> T eventually(java.util.function.Supplier<T> read, Predicate<T> caughtUp) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T value = read.get();
    while (!caughtUp.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never caught up; last read " + value);
      }
      pause(Duration.ofMillis(50));
      value = read.get();
    }
    return value;
  }

  /** Waits (real time) until the mail server has received at least this many messages. */
  protected MimeMessage[] awaitMail(int count) {
    MAIL.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), count);
    return MAIL.getReceivedMessages();
  }

  protected static List<MimeMessage> withSubject(MimeMessage[] messages, String fragment) {
    return Arrays.stream(messages).filter(m -> subject(m).contains(fragment)).toList();
  }

  protected static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls a sandbox control endpoint (JSON, snake_case) and returns the parsed answer. */
  protected static JsonNode sandbox(String method, String path, String body) {
    return ENDPOINT.control(method, path, body);
  }

  /** A deposit to an address with a fixed confirmation count; returns its tx id. */
  protected static String deposit(String address, String amount, String coin, String network, int confirmations) {
    String txId =
        sandbox("POST", "/deposits",
                "{\"address\":\"" + address + "\",\"amount\":" + amount + ",\"coin\":\"" + coin + "\",\"network\":\"" + network + "\"}")
            .get("tx_id").asText();
    confirm(txId, confirmations);
    return txId;
  }

  protected static void confirm(String txId, int confirmations) {
    sandbox("POST", "/deposits/" + txId + "/confirmations", "{\"confirmations\":" + confirmations + "}");
  }

  protected static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Takes the mail server down (connections are refused until {@link #startMail()}). */
  protected static void stopMail() {
    MAIL.stop();
  }

  /** A fresh mail server on the same port: GreenMail is not made to be started twice. */
  protected static GreenMail startMail() {
    GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    MAIL = mail;
    return mail;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("invoicing-documents");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static int freePort() {
    return FreePorts.next();
  }
}
