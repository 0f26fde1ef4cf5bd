package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs and timings that once stalled an invoice or hid a deposit (issue 18). */
class InvoiceWorkflowHardeningTest extends InvoiceWorkflowTestSupport {

  @Test
  @Timeout(60) // before the fix every workflow task failed and this waited for ever
  void aDueDateInTheYear99999StillTakesTheDepositToComplete() {
    InvoiceWorkflow invoice = start(201, LocalDate.parse("+99999-01-01"), PaymentNetwork.BTC, policy(3));
    assertThat(invoice.awaitIssued().state().status()).isEqualTo(InvoiceStatus.SENT);
    // a year and a day: the capped timer fired and the loop set the next one without failing
    env.sleep(Duration.ofDays(366));

    observe(invoice, btc(201, "tx-far", "0.05000000", 3));
    awaitStatus(invoice, InvoiceStatus.COMPLETE);
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.COMPLETE);
    var history = client.fetchHistory(WorkflowStub.fromTyped(invoice).getExecution().getWorkflowId());
    assertThat(history.getEvents())
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    assertThat(history.getEvents())
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .allMatch(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()
            <= InvoiceWorkflowImpl.LONGEST_TIMER.toSeconds());
  }

  @Test
  void aCancelIsRefusedWhileACountingDepositConfirmsNamingIt() {
    InvoiceWorkflow invoice = issue(202, 10);
    observe(invoice, btc(202, "tx-on-its-way", "0.05000000", 1));
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);

    assertThatThrownBy(() -> invoice.cancel(new CancelRequest("client says they did not pay", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("tx-on-its-way")
        .hasMessageContaining("1 of 3 confirmations");
    InvoiceState after = invoice.status().state();
    assertThat(after.status()).isEqualTo(InvoiceStatus.CONFIRMING);
    assertThat(after.assessment().pending()).isEqualByComparingTo("0.05");

    // the money is not lost from view: it confirms and the invoice completes
    observe(invoice, btc(202, "tx-on-its-way", "0.05000000", 3));
    awaitStatus(invoice, InvoiceStatus.COMPLETE);
    assertThat(notifications.types()).doesNotContain(Type.CANCELLED);
  }

  @Test
  void aDepositTheExchangeRejectedDoesNotBlockACancel() {
    InvoiceWorkflow invoice = issue(203, 10);
    ObservedDeposit failed = btc(203, "tx-bounced", "0.05000000", 0);
    observe(invoice, new ObservedDeposit(
        failed.txId(), failed.coin(), failed.coinCode(), failed.network(), failed.exchangeNetwork(),
        failed.address(), failed.memo(), failed.amount(), 0, DepositStatus.FAILED, failed.insertedAt(),
        failed.rawRecord()));
    await(invoice, s -> !s.payments().isEmpty());

    InvoiceStatusView cancelled = invoice.cancel(new CancelRequest("issued twice", "ops"));
    assertThat(cancelled.state().status()).isEqualTo(InvoiceStatus.CANCELLED);
  }

  @Test
  void aRequoteAtTheSameRateSaysSoAndSendsNothing() {
    InvoiceWorkflow invoice = issue(204, 10);
    awaitTold(Type.CREATED);

    assertThatThrownBy(() -> invoice.requote(new OperatorReason("client asked", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("unchanged at 100000")
        .hasMessageContaining("nothing was sent");

    assertThat(documents.rendered).containsExactly(DocumentKind.INVOICE);
    assertThat(notifications.types()).containsExactly(Type.CREATED);
    assertThat(store.audit).filteredOn(e -> e.action().equals("requote")).singleElement()
        .satisfies(e -> assertThat(e.details()).contains("\"unchanged\":true"));
    assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.SENT);
  }

  @Test
  void theWebUiShowsASummaryWhyTheRunWaitsAndWhatEachTimerIsFor() {
    InvoiceWorkflow invoice = issue(205, 10);
    WorkflowStub stub = WorkflowStub.fromTyped(invoice);

    var description = stub.describe();
    assertThat(description.getStaticSummary())
        .isEqualTo(number(205) + " · " + CLIENT + " · USD 5000.00 in BTC/BTC");
    assertThat(description.getStaticDetails()).contains("due " + today.plusDays(10));

    assertThat(currentDetails(stub))
        .contains("awaiting BTC/BTC deposit of 0.05000000 to bc1qinvoice205")
        .contains("next reminder: stage 1 on " + today.plusDays(9));

    env.sleep(Duration.ofDays(11)); // stage 1 (due − 1) and past the due date
    await(invoice, s -> s.dunning().get(0).sentAt() != null);
    assertThat(currentDetails(stub)).contains("next reminder: stage 2 on " + today.plusDays(17));

    observe(invoice, btc(205, "tx-meta", "0.05000000", 1));
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    assertThat(currentDetails(stub)).contains("deposit confirming: tx-meta 1 of 3");

    List<String> summaries = timerSummaries(stub);
    assertThat(summaries).anySatisfy(t -> assertThat(t).startsWith("dunning stage 1 at "));
    assertThat(summaries).anySatisfy(t -> assertThat(t).startsWith("dunning stage 2 at "));
    assertThat(summaries).doesNotContain("");
  }

  @Test
  void theIssueRetryTimerAndTheOverdueThresholdAreSummarised() {
    exchange.failIssuingWith = "MEXC key revoked";
    InvoiceWorkflow invoice = start(206, 10, PaymentNetwork.BTC, policy(3));
    WorkflowStub stub = WorkflowStub.fromTyped(invoice);
    assertThat(invoice.awaitIssued().state().issueError()).isEqualTo("MEXC key revoked");
    assertThat(currentDetails(stub)).startsWith("issuing failed: MEXC key revoked");
    assertThat(timerSummaries(stub)).contains("issue retry");

    exchange.failIssuingWith = null;
    invoice.retryIssue();
    awaitStatus(invoice, InvoiceStatus.SENT);
    invoice.pauseDunning(new OperatorReason("talking to them", "ops"));
    await(invoice, InvoiceState::dunningPaused);
    env.sleep(Duration.ofMinutes(1));
    assertThat(currentDetails(stub)).contains("reminders paused");
    assertThat(timerSummaries(stub)).anySatisfy(t -> assertThat(t).startsWith("overdue threshold at "));
  }

  private static String currentDetails(WorkflowStub stub) {
    return stub.query("__temporal_workflow_metadata", io.temporal.api.sdk.v1.WorkflowMetadata.class)
        .getCurrentDetails();
  }

  private List<String> timerSummaries(WorkflowStub stub) {
    return client.fetchHistory(stub.getExecution().getWorkflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .map(e -> io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            e.getUserMetadata().getSummary(), String.class, String.class))
        .toList();
  }
}
