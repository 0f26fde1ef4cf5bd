package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult.Verdict;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.replay.RecordedHistories;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * An invoice paid by a deposit an operator assigned on reconciliation (the version-gated
 * assignDeposit update): the fresh history and the one recorded from this code replay.
 * Re-record with {@code -Dhistories.record=true}.
 */
class UnmatchedDepositReplayTest extends InvoiceWorkflowTestSupport {

  @Test
  void anInvoicePaidByAnAssignedDepositReplays() throws Exception {
    InvoiceWorkflow invoice = issue(105, 10);
    ObservedDeposit toCancelledInvoice =
        new ObservedDeposit(
            "tx-assigned-105", PaymentNetwork.BTC.currency(), "BTC", PaymentNetwork.BTC, "Bitcoin(BTC)",
            "bc1qaddressofacancelledinvoice", null, new BigDecimal("0.05000000"), 3, DepositStatus.CREDITED, now(), "{}");
    assertThat(invoice.assignDeposit(new AssignDepositRequest(7, toCancelledInvoice, "paid the cancelled one", "ops")).verdict())
        .isEqualTo(Verdict.ACCEPTED);
    WorkflowStub.fromTyped(invoice).getResult(Void.class);

    var execution = WorkflowStub.fromTyped(invoice).getExecution();
    String history = client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).toJson(false);
    assertThat(history).contains("assignDeposit").contains("EVENT_TYPE_MARKER_RECORDED"); // the version marker
    RecordedHistories.assertReplays(
        client.fetchHistory(execution.getWorkflowId(), execution.getRunId()), "invoice-paid-by-assigned-deposit",
        InvoiceWorkflowImpl.class);
  }
}
