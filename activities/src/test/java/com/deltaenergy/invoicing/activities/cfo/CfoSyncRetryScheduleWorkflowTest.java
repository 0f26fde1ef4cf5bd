package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncMapping;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries.LoggedAttempt;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncStatus;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.testsupport.InvoiceSearchAttributes;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.document.DocumentActivities;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStoreActivities;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceTerms;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowImpl;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.deltaenergy.invoicing.workflows.invoice.OperatorReason;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.notification.NotificationActivities;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real invoice workflow with the real CFO sync activity against a ledger that is down, in
 * Temporal's time-skipping environment: attempts at +0, +1, +6 and +21 minutes (the activity's
 * failures carry the delays), then failed and waiting; after the ledger is back, an operator's
 * retry books the invoice once. The other activities are in-memory stand-ins.
 */
class CfoSyncRetryScheduleWorkflowTest extends CfoSyncTestSupport {

  private static final String QUEUE = "cfo-sync-workflow-test";

  private TestWorkflowEnvironment env;
  private final Notifications notifications = new Notifications();

  @BeforeEach
  void startEnvironment() {
    env = InvoiceSearchAttributes.newTestEnvironment();
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  void attemptsAtZeroOneSixAndTwentyOneMinutesThenAnOperatorsRetryBooksOnce() {
    InvoiceRecord invoice = paidInvoice();
    SwitchableDataSource ledgerConnection = new SwitchableDataSource(unreachableLedger());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(InvoiceWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new Store(terms(invoice)), new Exchange(), new Documents(), notifications,
        activitiesWithLedger(ledgerConnection, new WorkflowTimeClock(env)));
    env.newWorker(InvoiceWorkflowOptions.notificationTaskQueue(QUEUE)).registerActivitiesImplementations(notifications);
    env.start();
    InvoiceWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                InvoiceWorkflow.class,
                InvoiceWorkflowOptions.startOptions(QUEUE, invoice.invoiceNumber(), invoice.clientName(), InvoiceStatus.DRAFT));
    WorkflowClient.start(workflow::run, InvoiceWorkflowInput.start(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));
    workflow.awaitIssued();

    workflow.markPaid(new OperatorReason("paid by wire, confirmed by treasury", "ops"));
    env.sleep(Duration.ofMinutes(30));
    InvoiceState failed = await(workflow, state -> state.cfo().status() == CfoSyncState.Status.FAILED);

    List<LoggedAttempt> attempts = queries.attempts(invoice.id());
    assertThat(attempts).extracting(LoggedAttempt::attempt).containsExactly(1, 2, 3, 4);
    assertThat(attempts).extracting(LoggedAttempt::syncStatus).containsOnly("retry");
    Instant first = attempts.get(0).at();
    assertThat(attempts)
        .extracting(attempt -> Duration.between(first, attempt.at()).toMinutes())
        .containsExactly(0L, 1L, 6L, 21L);
    assertThat(failed.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(failed.cfo().lastError()).contains("refused");
    CfoSyncMapping mapping = syncs.find(invoice.id()).orElseThrow();
    assertThat(mapping.syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
    assertThat(mapping.retryCount()).isEqualTo(4);
    assertThat(notifications.types()).contains(InvoiceEvent.Type.CFO_SYNC_FAILED);
    assertThat(ledgerRows(invoice.invoiceNumber())).isZero();

    env.sleep(Duration.ofHours(2));
    assertThat(queries.attempts(invoice.id())).hasSize(4); // nothing happens by itself

    ledgerConnection.switchTo(ledgerDataSource);
    workflow.retryCfoSync(new OperatorReason("the ledger is back", "ops"));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);

    InvoiceState done = workflow.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.cfo().status()).isEqualTo(CfoSyncState.Status.SYNCED);
    assertThat(ledgerRows(invoice.invoiceNumber())).isEqualTo(1);
    CfoSyncMapping synced = syncs.find(invoice.id()).orElseThrow();
    assertThat(synced.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
    assertThat(synced.cfoTransactionId()).isEqualTo(done.cfo().cfoTransactionId());
    assertThat(queries.attempts(invoice.id())).extracting(LoggedAttempt::syncStatus)
        .containsExactly("retry", "retry", "retry", "retry", "synced");
  }

  private static InvoiceTerms terms(InvoiceRecord invoice) {
    PaymentPolicy policy =
        new PaymentPolicy(new BigDecimal("0.5"), 20, Duration.ofSeconds(30), 7, DunningSchedule.DEFAULT_OFFSETS_DAYS, 9);
    return new InvoiceTerms(
        invoice.id(), invoice.tenantId(), invoice.invoiceNumber(), invoice.clientName(), invoice.amountUsd(),
        invoice.currency(), invoice.network(), invoice.dueDate(), "UTC", policy);
  }

  /** Waits (in real time; the workflow's time does not move) until the state satisfies the test. */
  private static InvoiceState await(InvoiceWorkflow workflow, Predicate<InvoiceState> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    InvoiceState state = workflow.status().state();
    while (!condition.test(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting; CFO sync: " + state.cfo());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      state = workflow.status().state();
    }
    return state;
  }

  /** The activity's clock is the environment's (skipped) time, so the log shows when attempts ran. */
  private static final class WorkflowTimeClock extends Clock {
    private final TestWorkflowEnvironment env;

    WorkflowTimeClock(TestWorkflowEnvironment env) {
      this.env = env;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }

  private static final class Store implements InvoiceStoreActivities {
    private final InvoiceTerms terms;

    Store(InvoiceTerms terms) {
      this.terms = terms;
    }

    @Override
    public LoadedInvoice load(long invoiceId) {
      return new LoadedInvoice(terms, null);
    }

    @Override
    public void record(InvoiceState state) {}

    @Override
    public void audit(AuditEntry entry) {}

    @Override
    public void watch(long invoiceId) {}

    @Override
    public void closeWatch(long invoiceId, InvoiceStatus finalStatus, Instant watchUntil) {}
  }

  private static final class Exchange implements ExchangeActivities {
    private static final Instant LOCKED_AT = Instant.parse("2025-10-01T00:00:00Z");

    @Override
    public DepositAddress allocateDepositAddress(long invoiceId) {
      return new DepositAddress("TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", null, "Tron(TRC20)");
    }

    @Override
    public Quote lockQuote(long invoiceId) {
      return new Quote(new BigDecimal("5000.000000"), BigDecimal.ONE, LOCKED_AT, "fixed USDT");
    }

    @Override
    public Quote requote(long invoiceId, Instant previousLockedAt) {
      return lockQuote(invoiceId);
    }

    @Override
    public List<ObservedDeposit> findDeposits(CryptoCurrency coin, String txId, Instant since) {
      return List.of();
    }

    @Override
    public List<ObservedDeposit> findInvoiceDeposits(long invoiceId, String txId, Instant since) {
      return List.of();
    }

    @Override
    public PriceQuote currentPrice(CryptoCurrency currency, PaymentNetwork network) {
      return new PriceQuote(currency, network, BigDecimal.ONE, LOCKED_AT, "fixed USDT");
    }

    @Override
    public ExchangeCheck checkExchange() {
      throw new UnsupportedOperationException("not used by the invoice workflow");
    }
  }

  private static final class Documents implements DocumentActivities {
    @Override
    public StoredDocument render(long invoiceId, DocumentKind kind) {
      return new StoredDocument(kind, "/tmp/" + invoiceId + "-" + kind + ".pdf", "0".repeat(64), 1);
    }
  }

  private static final class Notifications implements NotificationActivities {
    private final List<InvoiceEvent.Type> told = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public List<Long> record(InvoiceEvent event) {
      told.add(event.type());
      return List.of(ids.incrementAndGet());
    }

    @Override
    public void deliver(long notificationId) {}

    List<InvoiceEvent.Type> types() {
      return told;
    }
  }
}
