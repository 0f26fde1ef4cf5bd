package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An operator assigns a deposit that reached another address: counted like a payment, once. */
class UnmatchedDepositAssignmentTest extends InvoiceWorkflowTestSupport {

  private ObservedDeposit toAnotherAddress(String txId, String coin, String amount, DepositStatus status) {
    PaymentNetwork network = "BTC".equals(coin) ? PaymentNetwork.BTC : PaymentNetwork.TRC20;
    return new ObservedDeposit(
        txId, network.currency(), coin, network, network.displayName(), "bc1qcancelledinvoiceaddress", null,
        new BigDecimal(amount), 1, status, now(), "{}");
  }

  @Test
  void aCreditedDepositOfTheInvoicesCoinCountsAsAManualConfirmedPaymentOnce() {
    InvoiceWorkflow invoice = issue(10, 10);

    VerifyPaymentResult otherCoin =
        invoice.assignDeposit(new AssignDepositRequest(1, toAnotherAddress("usdt1", "USDT", "5000", DepositStatus.CREDITED), "paid old invoice", "ops"));
    assertThat(otherCoin.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(otherCoin.reason()).contains("USDT");
    VerifyPaymentResult pending =
        invoice.assignDeposit(new AssignDepositRequest(2, toAnotherAddress("btc1", "BTC", "0.05", DepositStatus.PENDING), "paid old invoice", "ops"));
    assertThat(pending.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(invoice.status().state().payments()).isEmpty();

    ObservedDeposit credited = toAnotherAddress("btc1", "BTC", "0.02", DepositStatus.CREDITED);
    VerifyPaymentResult accepted =
        invoice.assignDeposit(new AssignDepositRequest(2, credited, "client paid the cancelled invoice", "ops"));
    assertThat(accepted.verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(invoice.status().state().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    VerifyPaymentResult again = invoice.assignDeposit(new AssignDepositRequest(2, credited, "again", "ops"));
    assertThat(again.verdict()).isEqualTo(Verdict.ALREADY_COUNTED);
    assertThat(invoice.assignDeposit(
            new AssignDepositRequest(5, toAnotherAddress("btc4", "BTC", "0.03", DepositStatus.CREDITED), "the rest", "ops"))
        .verdict()).isEqualTo(Verdict.ACCEPTED);

    WorkflowStub.fromTyped(invoice).getResult(Void.class);
    InvoiceState done = invoice.status().state();
    assertThat(done.status()).isEqualTo(InvoiceStatus.COMPLETE);
    assertThat(done.payments()).hasSize(2).allSatisfy(p -> {
      assertThat(p.manual()).isTrue();
      assertThat(p.counts()).isTrue();
      assertThat(p.confirmations()).isGreaterThanOrEqualTo(3);
    });
    assertThat(done.assessment().confirmed()).isEqualByComparingTo("0.05");
    assertThat(store.audit).extracting(InvoiceStoreActivities.AuditEntry::action).containsExactly("assign_deposit", "assign_deposit");
    assertThat(store.audit.get(0).details()).contains("\"unmatched_id\":2").contains("bc1qcancelledinvoiceaddress");
  }

  @Test
  void aClosedInvoiceTakesNoAssignedDeposit() {
    InvoiceWorkflow invoice = issue(11, 10);
    invoice.cancel(new CancelRequest("issued twice", "ops"));
    sleep(Duration.ofSeconds(1));
    assertThatThrownBy(
            () -> invoice.assignDeposit(new AssignDepositRequest(3, toAnotherAddress("btc2", "BTC", "0.05", DepositStatus.CREDITED), "x", "ops")))
        .isInstanceOf(WorkflowNotFoundException.class); // a closed invoice's workflow has ended (the API answers 409)
    assertThatThrownBy(
            () -> issue(12, 10).assignDeposit(new AssignDepositRequest(4, toAnotherAddress("btc3", "BTC", "0.05", DepositStatus.CREDITED), " ", "ops")))
        .isInstanceOf(WorkflowUpdateException.class);
  }
}
