package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.document.DocumentKind;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent.Type;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceWorkflowTest extends InvoiceWorkflowTestSupport {

  @Test
  void fullPaymentGoesDetectedConfirmingPaidAndComplete() {
    InvoiceWorkflow invoice = issue(1, 10);
    assertThat(documents.rendered).containsExactly(DocumentKind.INVOICE);
    awaitTold(Type.CREATED);
    assertThat(store.watched).contains(1L);
    assertThat(notifications.types()).containsExactly(Type.CREATED);
    InvoiceStatusView sent = invoice.status();
    assertThat(sent.nextCheckAt()).as("stale at the workflow's time; the API gives the scanner's").isNull();
    assertThat(sent.nextDunningStage().number()).isEqualTo(1);

    observe(invoice, btc(1, "tx-a", "0.05000000", 0));
    InvoiceState detected = awaitStatus(invoice, InvoiceStatus.PAYMENT_DETECTED);
    assertThat(detected.assessment().pending()).isEqualByComparingTo("0.05");

    observe(invoice, btc(1, "tx-a", "0.05000000", 1));
    InvoiceState confirming = awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    assertThat(confirming.payments()).singleElement().extracting(Payment::confirmations).isEqualTo(1);

    observe(invoice, btc(1, "tx-a", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    InvoiceState done = invoice.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.paidAt()).isNotNull();
    assertThat(done.paidLate()).isFalse();
    assertThat(done.assessment().confirmed()).isEqualByComparingTo("0.05");
    assertThat(done.cfo().status()).isEqualTo(CfoSyncState.Status.SYNCED);
    assertThat(done.cfo().cfoTransactionId()).isEqualTo(4001L);
    assertThat(documents.rendered).containsExactly(DocumentKind.INVOICE, DocumentKind.RECEIPT);
    assertThat(notifications.types())
        .containsExactly(Type.CREATED, Type.PAYMENT_DETECTED, Type.PAID);
    assertThat(store.closed).containsEntry(1L, InvoiceStatus.COMPLETE);
    assertThat(store.recorded.get(1L).status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(store.recorded.get(1L).version()).isEqualTo(done.version());
    // every notification recorded was delivered before the workflow ended
    assertThat(notifications.deliveries).hasSize(notifications.events.size());
  }

  @Test
  void partialPaymentThenTopUp() {
    InvoiceWorkflow invoice = issue(2, 10);
    observe(invoice, btc(2, "tx-1", "0.03000000", 3));
    InvoiceState partial = awaitStatus(invoice, InvoiceStatus.PARTIALLY_PAID);
    assertThat(partial.assessment().remaining()).isEqualByComparingTo("0.02");

    // A top-up on top of a confirmed part is confirming, not a first detection.
    observe(invoice, btc(2, "tx-1", "0.03000000", 4), btc(2, "tx-2", "0.02000000", 0));
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    observe(invoice, btc(2, "tx-1", "0.03000000", 5), btc(2, "tx-2", "0.02000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    InvoiceState done = invoice.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.payments()).hasSize(2).allMatch(Payment::counts);
    assertThat(done.assessment().confirmed()).isEqualByComparingTo("0.05");
    assertThat(notifications.types()).containsSubsequence(Type.PARTIALLY_PAID, Type.PAID);
  }

  @Test
  void overpaymentIsPaidAndTheExcessShown() {
    InvoiceWorkflow invoice = issue(3, 10);
    observe(invoice, btc(3, "tx-big", "0.06000000", 3));
    InvoiceState paid = await(invoice, s -> s.status() == InvoiceStatus.PAID || s.status() == InvoiceStatus.COMPLETE);
    assertThat(paid.assessment().overpaid()).isTrue();
    assertThat(paid.assessment().excess()).isEqualByComparingTo("0.01");
    assertThat(awaitTold(Type.OVERPAID).event().detail()).isEqualTo("0.01000000");
  }

  @Test
  void withinTolerancePaysButJustOutsideItDoesNot() {
    // tolerance 0.5 % of 0.05 BTC: at least 0.04975000 pays
    InvoiceWorkflow outside = issue(4, 10);
    observe(outside, btc(4, "tx-short", "0.04974999", 3));
    InvoiceState shortPaid = awaitStatus(outside, InvoiceStatus.PARTIALLY_PAID);
    assertThat(shortPaid.assessment().remaining()).isEqualByComparingTo("0.00025001");

    InvoiceWorkflow inside = issue(5, 10);
    observe(inside, btc(5, "tx-ok", "0.04975000", 3));
    InvoiceState paid = await(inside, s -> s.paidAt() != null);
    assertThat(paid.assessment().paid()).isTrue();
    assertThat(paid.assessment().overpaid()).isFalse();
  }

  @Test
  void overdueAfterTheGraceThenALatePaymentStillPays() {
    InvoiceWorkflow invoice = issue(6, 3);
    env.sleep(Duration.ofDays(3 + 7 + 1));
    InvoiceState overdue = awaitStatus(invoice, InvoiceStatus.OVERDUE);
    assertThat(overdue.overdue()).isTrue();
    assertShortlyAfter(awaitTold(Type.OVERDUE).at(), overdue.overdueAt());

    observe(invoice, btc(6, "tx-late", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    InvoiceState done = invoice.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.paidLate()).isTrue();
    assertThat(done.paidAt()).isAfter(done.dueAt());
  }

  @Test
  void aPaymentBeforeTheDueDateIsNotLate() {
    InvoiceWorkflow invoice = issue(7, 5);
    env.sleep(Duration.ofDays(2));
    observe(invoice, btc(7, "tx-ok", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    assertThat(invoice.status().state().paidLate()).isFalse();
  }

  @Test
  void wrongNetworkAndWrongCoinAreRecordedAndFlaggedButNeverCounted() {
    InvoiceWorkflow invoice = issue(8, 10, PaymentNetwork.ERC20, policy(20));
    ObservedDeposit onBep20 = deposit(8, "0xbep", "5000.000000", 30, PaymentNetwork.BEP20);
    ObservedDeposit usdc =
        new ObservedDeposit("0xusdc", null, "USDC", null, "Ethereum(ERC20)", FakeActivities.Exchange.address(8),
            null, new BigDecimal("5000"), 30, DepositStatus.CREDITED, now(), "{}");
    observe(invoice, onBep20, usdc);

    InvoiceState state = await(invoice, s -> s.payments().size() == 2);
    assertThat(state.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(state.payments()).noneMatch(Payment::counts);
    assertThat(state.payments()).extracting(Payment::flag)
        .containsExactlyInAnyOrder(PaymentFlag.WRONG_NETWORK, PaymentFlag.WRONG_COIN);
    assertThat(state.assessment().confirmed()).isZero();
    assertThat(awaitTold(Type.PAYMENT_FLAGGED, 2))
        .extracting(t -> t.event().detail())
        .containsExactlyInAnyOrder("BEP20:0xbep", "Ethereum(ERC20):0xusdc");
  }

  @Test
  void aDepositTheExchangeRejectsDoesNotCount() {
    InvoiceWorkflow invoice = issue(9, 10);
    ObservedDeposit ok = btc(9, "tx-x", "0.05000000", 1);
    observe(invoice, ok);
    awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    ObservedDeposit refunded =
        new ObservedDeposit(ok.txId(), ok.coin(), ok.coinCode(), ok.network(), ok.exchangeNetwork(), ok.address(),
            null, ok.amount(), 5, DepositStatus.FAILED, ok.insertedAt(), "{}");
    observe(invoice, refunded);
    InvoiceState state = awaitStatus(invoice, InvoiceStatus.SENT);
    assertThat(state.payments()).singleElement().satisfies(p -> {
      assertThat(p.counts()).isFalse();
      assertThat(p.flag()).isEqualTo(PaymentFlag.NOT_CREDITED);
    });
  }

  @Test
  void manualVerificationAcceptsCountsOnceAndRejectsWhatDoesNotMatch() {
    InvoiceWorkflow invoice = issue(10, 10);
    ObservedDeposit missed = btc(10, "abc123", "0.05000000", 3);
    exchange.depositsByTxId.put("abc123", List.of(missed));
    exchange.depositsByTxId.put(
        "elsewhere", List.of(new ObservedDeposit("elsewhere", missed.coin(), "BTC", missed.network(), "Bitcoin(BTC)",
            "bc1qsomeoneelse", null, missed.amount(), 3, DepositStatus.CREDITED, now(), "{}")));

    VerifyPaymentResult unknown = invoice.verifyPayment(new VerifyPaymentRequest("feedbeef", "ops@deltaenergy.com"));
    assertThat(unknown.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(unknown.reason()).contains("no BTC deposit");

    VerifyPaymentResult wrongAddress = invoice.verifyPayment(new VerifyPaymentRequest("elsewhere", "ops@deltaenergy.com"));
    assertThat(wrongAddress.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(wrongAddress.reason()).contains("bc1qsomeoneelse");

    VerifyPaymentResult accepted = invoice.verifyPayment(new VerifyPaymentRequest("abc123", "ops@deltaenergy.com"));
    assertThat(accepted.verdict()).isEqualTo(Verdict.ACCEPTED);
    VerifyPaymentResult again = invoice.verifyPayment(new VerifyPaymentRequest("abc123", "ops@deltaenergy.com"));
    assertThat(again.verdict()).isEqualTo(Verdict.ALREADY_COUNTED);
    // the scanner reporting the same deposit later does not count it twice either (with local
    // steps the invoice may complete, booked, before the report arrives: then it is refused)
    try {
      observe(invoice, missed);
    } catch (io.temporal.client.WorkflowNotFoundException completedFirst) {
      assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.COMPLETE);
    }

    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    InvoiceState done = invoice.status().state();
    assertThat(done.payments()).singleElement().satisfies(p -> assertThat(p.manual()).isTrue());
    assertThat(done.assessment().confirmed()).isEqualByComparingTo("0.05");
    assertThat(store.audit).extracting(InvoiceStoreActivities.AuditEntry::action)
        .containsExactly("verify_payment", "verify_payment", "verify_payment");
  }

  @Test
  void invalidTxHashesAreRefusedBeforeTheyReachTheWorkflow() {
    InvoiceWorkflow invoice = issue(11, 10);
    assertThatThrownBy(() -> invoice.verifyPayment(new VerifyPaymentRequest("not a hash!", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .hasRootCauseInstanceOf(ApplicationFailure.class)
        .rootCause().hasMessageContaining("tx_hash must be a transaction hash");
  }

  @Test
  void cancelEndsTheWorkflowAndIsAudited() {
    InvoiceWorkflow invoice = issue(12, 10);
    InvoiceStatusView cancelled = invoice.cancel(new CancelRequest("issued twice", "aldo@deltaenergy.com"));
    assertThat(cancelled.state().status()).isEqualTo(InvoiceStatus.CANCELLED);
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    awaitTold(Type.CANCELLED);

    assertThat(store.closed).containsEntry(12L, InvoiceStatus.CANCELLED);
    assertThat(store.audit).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("cancel");
      assertThat(entry.actor()).isEqualTo("aldo@deltaenergy.com");
      assertThat(entry.reason()).isEqualTo("issued twice");
    });
    assertThat(notifications.types()).containsExactly(Type.CREATED, Type.CANCELLED);
  }

  @Test
  void aPaidInvoiceCannotBeCancelled() {
    InvoiceWorkflow invoice = issue(13, 10);
    cfo.failuresBeforeSuccess = 100; // keep it in PAID while the ledger is down
    observe(invoice, btc(13, "tx", "0.05000000", 3));
    awaitStatus(invoice, InvoiceStatus.PAID);
    assertThatThrownBy(() -> invoice.cancel(new CancelRequest("too late", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("paid cannot be cancelled");
  }

  @Test
  void markPaidManuallyCompletes() {
    InvoiceWorkflow invoice = issue(14, 10);
    invoice.markPaid(new OperatorReason("paid by bank transfer", "tiago@deltaenergy.com"));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    InvoiceState done = invoice.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.paidManually()).isTrue();
    assertThat(done.paidManuallyReason()).isEqualTo("paid by bank transfer");
    assertThat(store.audit).extracting(InvoiceStoreActivities.AuditEntry::action).containsExactly("mark_paid");
  }

  @Test
  void extendingTheDueDateMovesOverdueAndTheDunningStagesNotYetSent() {
    InvoiceWorkflow invoice = issue(15, 3);
    env.sleep(Duration.ofDays(3 + 7 + 1));
    awaitStatus(invoice, InvoiceStatus.OVERDUE);
    InvoiceState before = invoice.status().state();
    DunningStage sentStage2 = before.dunning().get(1);
    assertThat(sentStage2.sentAt()).isNotNull();

    invoice.extendDueDate(new ExtendDueDateRequest(today.plusDays(40), "client asked", "ops"));
    InvoiceState after = awaitStatus(invoice, InvoiceStatus.SENT);
    assertThat(after.overdue()).isFalse();
    assertThat(after.dueDate()).isEqualTo(today.plusDays(40));
    assertThat(after.dunning().get(1)).isEqualTo(sentStage2);
    assertThat(after.dunning().get(2).dueAt())
        .isEqualTo(today.plusDays(40 + 14).atTime(9, 0).toInstant(ZoneOffset.UTC));

    assertThatThrownBy(() -> invoice.extendDueDate(new ExtendDueDateRequest(today.plusDays(1), "no", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("must be after the current due date");
  }

  @Test
  void requoteReplacesTheQuoteOfAnUnpaidInvoiceAndResendsIt() {
    InvoiceWorkflow invoice = issue(16, 10);
    exchange.cryptoAmount = new BigDecimal("0.04000000");
    InvoiceStatusView requoted = invoice.requote(new OperatorReason("price moved", "ops"));
    assertThat(requoted.state().cryptoAmount()).isEqualByComparingTo("0.04");
    assertThat(documents.rendered).containsExactly(DocumentKind.INVOICE, DocumentKind.INVOICE);
    awaitTold(Type.REQUOTED);
    assertThat(notifications.types()).containsExactly(Type.CREATED, Type.REQUOTED);

    observe(invoice, btc(16, "tx", "0.01000000", 3));
    awaitStatus(invoice, InvoiceStatus.PARTIALLY_PAID);
    assertThatThrownBy(() -> invoice.requote(new OperatorReason("again", "ops")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("payments have arrived");
  }

  @Test
  void cfoSyncIsRetriedAfterOneFiveAndFifteenMinutes() {
    InvoiceWorkflow invoice = issue(17, 10);
    cfo.failuresBeforeSuccess = 3;
    observe(invoice, btc(17, "tx", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    assertThat(cfo.attempts).hasSize(4);
    Instant first = cfo.attempts.get(0);
    assertThat(cfo.attempts.stream().map(at -> Duration.between(first, at).toMinutes()).toList())
        .containsExactly(0L, 1L, 6L, 21L);
    assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.COMPLETE);
  }

  @Test
  void afterTheLastCfoRetryTheInvoiceWaitsForAManualRetry() {
    InvoiceWorkflow invoice = issue(18, 10);
    cfo.failuresBeforeSuccess = 4;
    observe(invoice, btc(18, "tx", "0.05000000", 3));
    awaitStatus(invoice, InvoiceStatus.PAID);
    env.sleep(Duration.ofMinutes(30));
    InvoiceState failed = await(invoice, s -> s.cfo().status() == CfoSyncState.Status.FAILED);
    assertThat(failed.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(cfo.attempts).hasSize(4);
    assertThat(cfo.markedFailed).singleElement().asString().contains("ledger unreachable");
    awaitTold(Type.CFO_SYNC_FAILED);

    env.sleep(Duration.ofHours(2));
    assertThat(cfo.attempts).hasSize(4); // nothing happens by itself

    invoice.retryCfoSync(new OperatorReason("ledger is back", "ops"));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(cfo.attempts).hasSize(5);
  }

  @Test
  void aValidationErrorInTheLedgerIsNotRetried() {
    InvoiceWorkflow invoice = issue(19, 10);
    cfo.validationError = true;
    observe(invoice, btc(19, "tx", "0.05000000", 3));
    awaitStatus(invoice, InvoiceStatus.PAID);
    env.sleep(Duration.ofMinutes(30));
    await(invoice, s -> s.cfo().status() == CfoSyncState.Status.FAILED);
    assertThat(cfo.attempts).hasSize(1);
  }

  @Test
  void issuingWaitsAndRetriesWhenTheExchangeRefuses() {
    exchange.failIssuingWith = "MEXC rejected the API credentials";
    InvoiceWorkflow invoice = start(20, 10, PaymentNetwork.BTC, policy(3));
    InvoiceStatusView failed = invoice.awaitIssued();
    assertThat(failed.state().status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(failed.state().issueError()).contains("credentials");

    exchange.failIssuingWith = null;
    invoice.retryIssue();
    InvoiceState sent = awaitStatus(invoice, InvoiceStatus.SENT);
    assertThat(sent.issueError()).isNull();
    assertThat(sent.depositAddress()).isEqualTo(FakeActivities.Exchange.address(20));
  }

  @Test
  void anOlderObservationArrivingLateChangesNothing() {
    InvoiceWorkflow invoice = issue(21, 10);
    Instant earlier = now();
    env.sleep(Duration.ofMinutes(1));
    observe(invoice, btc(21, "tx", "0.05000000", 1));
    InvoiceState confirming = awaitStatus(invoice, InvoiceStatus.CONFIRMING);
    invoice.depositsObserved(
        new com.deltaenergy.invoicing.workflows.payment.DepositObservation(earlier, List.of(btc(21, "tx", "0.05000000", 0))));
    sleep(Duration.ofMillis(300));
    assertThat(invoice.status().state().version()).isEqualTo(confirming.version());
    assertThat(invoice.status().state().payments().get(0).confirmations()).isEqualTo(1);
  }

  @Test
  void theStatusSearchAttributeFollowsEveryTransition() {
    InvoiceWorkflow invoice = issue(22, 10);
    observe(invoice, btc(22, "tx", "0.02000000", 3));
    awaitStatus(invoice, InvoiceStatus.PARTIALLY_PAID);
    var description = WorkflowStub.fromTyped(invoice).describe();
    assertThat(description.getTypedSearchAttributes().get(InvoiceWorkflowOptions.INVOICE_STATUS)).isEqualTo("partially_paid");
    assertThat(description.getTypedSearchAttributes().get(InvoiceWorkflowOptions.INVOICE_NUMBER)).isEqualTo(number(22));
  }

  @Test
  void aRestartedWorkflowResumesFromTheRecordedState() {
    InvoiceWorkflow first = issue(23, 10);
    observe(first, btc(23, "tx", "0.02000000", 3));
    InvoiceState partial = awaitStatus(first, InvoiceStatus.PARTIALLY_PAID);
    WorkflowStub.fromTyped(first).terminate("simulating a lost server");

    // The recovery sweep starts a new workflow for the same invoice: it resumes, it does not re-issue.
    InvoiceWorkflow resumed =
        client.newWorkflowStub(InvoiceWorkflow.class,
            io.temporal.client.WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
                .setWorkflowId("invoice-recovered-23").build());
    io.temporal.client.WorkflowClient.start(resumed::run, InvoiceWorkflowInput.start(23, number(23), CLIENT));
    // The resumed run watches the address again right after it restores the state: wait for both.
    InvoiceState state =
        await(resumed, s -> s != null && s.version() >= partial.version() && store.watched.size() >= 2);
    assertThat(state.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(state.payments()).hasSize(1);
    assertThat(exchange.cryptoAmount).isEqualByComparingTo("0.05");
    assertThat(documents.rendered).containsExactly(DocumentKind.INVOICE);
    assertThat(store.watched).containsExactly(23L, 23L);
  }

  @Test
  void sixtyUnpaidDaysWithFullDunningStayWellInsideOneRunsHistoryBudget() {
    InvoiceWorkflow invoice = issue(24, 1);
    env.sleep(Duration.ofDays(60));
    InvoiceState state = awaitStatus(invoice, InvoiceStatus.IN_COLLECTIONS);
    assertThat(state.dunning()).allMatch(s -> s.sentAt() != null || s.skipped());
    awaitTold(Type.COLLECTIONS);

    List<HistoryEvent> events = client.fetchHistory(WorkflowStub.fromTyped(invoice).getExecution().getWorkflowId())
        .getHistory().getEventsList();
    assertThat(events.size()).isLessThanOrEqualTo(2_000);
    assertThat(events).noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }

  @Test
  void thirtyOneDaysSendEachDunningStageOnceAtItsOffsetAndHandOverToCollections() {
    InvoiceWorkflow invoice = issue(25, 2);
    env.sleep(Duration.ofDays(2 + 31));
    InvoiceState state = awaitStatus(invoice, InvoiceStatus.IN_COLLECTIONS);
    awaitTold(Type.COLLECTIONS);

    List<FakeActivities.Told> stages =
        notifications.events.stream().filter(t -> t.event().type() == Type.DUNNING_STAGE).toList();
    assertThat(stages).extracting(t -> t.event().detail()).containsExactly("1", "2", "3", "4", "5");
    List<Integer> offsets = List.of(-1, 7, 14, 21, 30);
    for (int i = 0; i < 5; i++) {
      assertShortlyAfter(stages.get(i).at(), today.plusDays(2 + offsets.get(i)).atTime(9, 0).toInstant(ZoneOffset.UTC));
    }
    assertThat(notifications.types()).containsOnlyOnce(Type.COLLECTIONS, Type.OVERDUE);
    assertThat(state.inCollections()).isTrue();
  }

  @Test
  void anInvoicePaidOnDayTenNeverGetsStagesThreeToFive() {
    InvoiceWorkflow invoice = issue(26, 2);
    env.sleep(Duration.ofDays(10));
    observe(invoice, btc(26, "tx", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    env.sleep(Duration.ofDays(30));
    assertThat(notifications.events.stream().filter(t -> t.event().type() == Type.DUNNING_STAGE)
            .map(t -> t.event().detail()).toList())
        .containsExactly("1", "2");
  }

  @Test
  void pausedDunningSendsNothingAndResumingSendsOnlyTheLatestDueStage() {
    InvoiceWorkflow invoice = issue(27, 2);
    invoice.pauseDunning(new OperatorReason("in talks with the client", "ops"));
    await(invoice, InvoiceState::dunningPaused);
    env.sleep(Duration.ofDays(2 + 15));
    assertThat(notifications.types()).doesNotContain(Type.DUNNING_STAGE);

    invoice.resumeDunning(new OperatorReason("talks failed", "ops"));
    InvoiceState resumed = await(invoice, s -> !s.dunningPaused() && s.dunning().get(2).sentAt() != null);
    awaitTold(Type.DUNNING_STAGE);
    assertThat(resumed.dunning().get(0).skipped()).isTrue();
    assertThat(resumed.dunning().get(1).skipped()).isTrue();
    assertThat(notifications.events.stream().filter(t -> t.event().type() == Type.DUNNING_STAGE)
            .map(t -> t.event().detail()).toList())
        .containsExactly("3");
    assertThat(store.audit).extracting(InvoiceStoreActivities.AuditEntry::action)
        .containsExactly("pause_dunning", "resume_dunning");
  }

  @Test
  void aLongStreamOfUpdatesContinuesAsNewAndCarriesTheState() {
    InvoiceWorkflow firstRun = issue(28, 90, PaymentNetwork.BTC, policy(10_000));
    // Addressed by workflow id only, like the API and the scanner do: it follows the latest run.
    InvoiceWorkflow invoice =
        client.newWorkflowStub(InvoiceWorkflow.class, WorkflowStub.fromTyped(firstRun).getExecution().getWorkflowId());
    var execution = WorkflowStub.fromTyped(firstRun).getExecution();
    // Reports until the first run has continued as new (a report costs fewer events since issue 14's
    // local steps: some 300 reports now, 160 before).
    int confirmations = 0;
    boolean continued = false;
    for (; confirmations < 700 && !continued; confirmations++) {
      observe(invoice, btc(28, "tx-slow", "0.05000000", confirmations));
      int expected = confirmations;
      await(invoice, s -> !s.payments().isEmpty() && s.payments().get(0).confirmations() == expected);
      if (confirmations % 20 == 19) {
        // A later run serves the workflow id. (Temporal's test server does not always write the
        // first run's CONTINUED_AS_NEW event when that task also carries local activity markers.)
        continued = !client.newUntypedWorkflowStub(execution.getWorkflowId()).describe().getExecution().getRunId()
            .equals(execution.getRunId());
      }
    }
    assertThat(continued).as("continued as new within 700 reports").isTrue();
    int lastReported = confirmations - 1;
    var firstHistory = client.fetchHistory(execution.getWorkflowId(), execution.getRunId());
    assertThat(firstHistory.getHistory().getEventsCount())
        .isGreaterThan(InvoiceWorkflowImpl.CONTINUE_AS_NEW_AFTER_EVENTS)
        .isLessThanOrEqualTo(2_000);

    InvoiceState carried = invoice.status().state();
    assertThat(carried.status()).isEqualTo(InvoiceStatus.CONFIRMING);
    assertThat(carried.payments()).singleElement().extracting(Payment::confirmations).isEqualTo(lastReported);
    assertThat(carried.depositAddress()).isEqualTo(FakeActivities.Exchange.address(28));
    assertThat(notifications.types()).containsOnlyOnce(Type.CREATED, Type.PAYMENT_DETECTED);
  }

  @Test
  void eventsAreToldOnlyAfterTheStateIsRecorded() {
    InvoiceWorkflow invoice = issue(29, 10);
    observe(invoice, btc(29, "tx", "0.05000000", 3));
    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    // PAID is told after a recorded PAID state exists
    assertThat(store.records.get()).isGreaterThanOrEqualTo(4);
    assertThat(notifications.events).extracting(FakeActivities.Told::event)
        .contains(InvoiceEvent.of(29, Type.PAID));
  }
}
