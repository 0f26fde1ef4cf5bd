package com.deltaenergy.invoicing.workflows.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.LocalDate;
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
}
