package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.payment.DepositObservation;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import com.deltaenergy.invoicing.workflows.replay.RecordedHistories;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the invoice workflow in Temporal's time-skipping test environment with in-memory activities,
 * so a sixty-day invoice takes seconds.
 */
abstract class InvoiceWorkflowTestSupport {

  static final String QUEUE = "invoice-workflow-test";
  static final String CLIENT = "Alps Blockchain";

  TestWorkflowEnvironment env;
  WorkflowClient client;
  FakeActivities.Store store;
  FakeActivities.Exchange exchange;
  FakeActivities.Documents documents;
  FakeActivities.Notifications notifications;
  FakeActivities.Cfo cfo;
  LocalDate today;

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute(InvoiceWorkflowOptions.INVOICE_NUMBER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute(InvoiceWorkflowOptions.INVOICE_STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute(InvoiceWorkflowOptions.CLIENT_NAME.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    Worker worker = env.newWorker(QUEUE, RecordedHistories.TOLERANT_OF_CLASS_LOADING);
    worker.registerWorkflowImplementationTypes(InvoiceWorkflowImpl.class);
    store = new FakeActivities.Store();
    exchange = new FakeActivities.Exchange(env::currentTimeMillis);
    documents = new FakeActivities.Documents();
    notifications = new FakeActivities.Notifications(env::currentTimeMillis);
    cfo = new FakeActivities.Cfo(env::currentTimeMillis);
    worker.registerActivitiesImplementations(store, exchange, documents, notifications, cfo);
    env.newWorker(InvoiceWorkflowOptions.notificationTaskQueue(QUEUE)).registerActivitiesImplementations(notifications);
    env.start();
    client = env.getWorkflowClient();
    today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  static PaymentPolicy policy(int confirmations) {
    return new PaymentPolicy(
        new BigDecimal("0.5"), confirmations, Duration.ofSeconds(30), 7,
        DunningSchedule.DEFAULT_OFFSETS_DAYS, 9);
  }

  static String number(long invoiceId) {
    return "DPY-2026-11-" + String.format("%04d", invoiceId);
  }

  InvoiceWorkflow start(long invoiceId, int dueInDays, PaymentNetwork network, PaymentPolicy policy) {
    return start(invoiceId, today.plusDays(dueInDays), network, policy);
  }

  InvoiceWorkflow start(long invoiceId, LocalDate dueDate, PaymentNetwork network, PaymentPolicy policy) {
    store.terms.put(
        invoiceId,
        new InvoiceTerms(
            invoiceId, 1, number(invoiceId), CLIENT, new BigDecimal("5000.00"), network.currency(),
            network, dueDate, "UTC", policy));
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflowOptions.startOptions(
                QUEUE, number(invoiceId), CLIENT, InvoiceStatus.DRAFT, new BigDecimal("5000.00"), network, dueDate));
    WorkflowClient.start(workflow::run, InvoiceWorkflowInput.start(invoiceId, number(invoiceId), CLIENT));
    return workflow;
  }

  /** Starts a BTC invoice due in {@code dueInDays}, 3 confirmations, and waits until it is sent. */
  InvoiceWorkflow issue(long invoiceId, int dueInDays) {
    return issue(invoiceId, dueInDays, PaymentNetwork.BTC, policy(3));
  }

  InvoiceWorkflow issue(long invoiceId, int dueInDays, PaymentNetwork network, PaymentPolicy policy) {
    InvoiceWorkflow workflow = start(invoiceId, dueInDays, network, policy);
    InvoiceStatusView issued = workflow.awaitIssued();
    assertThat(issued.state().status()).isEqualTo(InvoiceStatus.SENT);
    return workflow;
  }

  void observe(InvoiceWorkflow workflow, ObservedDeposit... deposits) {
    DepositObservation observation = new DepositObservation(now(), List.of(deposits));
    for (int attempt = 1; ; attempt++) {
      try {
        workflow.depositsObserved(observation);
        return;
      } catch (io.temporal.client.WorkflowNotFoundException e) {
        // The test server briefly resolves the id to the closed run while continuing as new;
        // the scanner, like this helper, simply signals again.
        if (attempt == 10) {
          throw e;
        }
        sleep(Duration.ofMillis(50));
      }
    }
  }

  /** Waits (in real time; the workflow time does not move) until the state satisfies the test. */
  InvoiceState await(InvoiceWorkflow workflow, Predicate<InvoiceState> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    InvoiceState state = workflow.status().state();
    while (!condition.test(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting; last state: status=" + state.status()
            + " version=" + state.version() + " payments=" + state.payments());
      }
      sleep(Duration.ofMillis(20));
      state = workflow.status().state();
    }
    return state;
  }

  /** Waits (in real time) until the event has been told; events follow the recorded change. */
  FakeActivities.Told awaitTold(com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type type) {
    return awaitTold(type, 1).get(0);
  }

  /** Waits (in real time) until the event has been told at least {@code count} times. */
  java.util.List<FakeActivities.Told> awaitTold(
      com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type type, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      var told = notifications.events.stream().filter(t -> t.event().type() == type).toList();
      if (told.size() >= count) {
        return told;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never told " + type + "; told: " + notifications.types());
      }
      sleep(Duration.ofMillis(20));
    }
  }

  /** A timer fires at its deadline; the work it triggers follows within moments. */
  static void assertShortlyAfter(Instant actual, Instant expected) {
    assertThat(actual).isBetween(expected, expected.plusSeconds(1));
  }

  InvoiceState awaitStatus(InvoiceWorkflow workflow, InvoiceStatus status) {
    return await(workflow, s -> s.status() == status);
  }

  static ObservedDeposit deposit(
      long invoiceId, String txId, String amount, int confirmations, PaymentNetwork network) {
    return new ObservedDeposit(
        txId, network.currency(), network.currency().name(), network, network.displayName(),
        FakeActivities.Exchange.address(invoiceId), null, new BigDecimal(amount), confirmations,
        DepositStatus.PENDING, Instant.now(), "{\"txId\":\"" + txId + "\"}");
  }

  ObservedDeposit btc(long invoiceId, String txId, String amount, int confirmations) {
    ObservedDeposit deposit = deposit(invoiceId, txId, amount, confirmations, PaymentNetwork.BTC);
    return withInsertedAt(deposit, now());
  }

  static ObservedDeposit withInsertedAt(ObservedDeposit d, Instant at) {
    return new ObservedDeposit(
        d.txId(), d.coin(), d.coinCode(), d.network(), d.exchangeNetwork(), d.address(), d.memo(),
        d.amount(), d.confirmations(), d.status(), at, d.rawRecord());
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
