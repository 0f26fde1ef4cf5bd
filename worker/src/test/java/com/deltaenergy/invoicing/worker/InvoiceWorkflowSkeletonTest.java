package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowInput;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflows;
import com.deltaenergy.invoicing.workflows.invoice.PaymentNetwork;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = WorkerApplication.class)
@ActiveProfiles("test")
class InvoiceWorkflowSkeletonTest {

  @Autowired WorkflowClient client;
  @Autowired InvoiceRepository invoices;

  @Value("${invoicing.temporal.task-queue}")
  String taskQueue;

  @Test
  void holdsTheInvoiceAnswersStatusAndEndsOnCancel() {
    InvoiceRecord invoice =
        invoices.create(
            new NewInvoice(
                1L, 1L, new BigDecimal("100.00"), new BigDecimal("100.00"), null, null,
                new BigDecimal("0.00"), CryptoCurrency.BTC, PaymentNetwork.BTC, "May 2026",
                "Hosting", null, LocalDate.now(), LocalDate.now().plusDays(10),
                List.of(new LineItem("Hosting", BigDecimal.ONE, new BigDecimal("100.00"), new BigDecimal("100.00")))));
    InvoiceWorkflow workflow =
        client.newWorkflowStub(
            InvoiceWorkflow.class,
            InvoiceWorkflows.startOptions(
                taskQueue, invoice.invoiceNumber(), invoice.clientName(), invoice.status()));
    WorkflowClient.start(
        workflow::run,
        new InvoiceWorkflowInput(invoice.id(), invoice.invoiceNumber(), invoice.clientName()));

    InvoiceWorkflowState state = workflow.status();
    assertThat(state.invoiceNumber()).isEqualTo(invoice.invoiceNumber());
    assertThat(state.status()).isEqualTo(InvoiceStatus.DRAFT);

    workflow.cancel(new CancelRequest("issued by mistake", "ops@deltaenergy.com"));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);

    assertThat(workflow.status().status()).isEqualTo(InvoiceStatus.CANCELLED);
    assertThat(workflow.status().cancelReason()).isEqualTo("issued by mistake");
    assertThat(invoices.findById(invoice.id()).orElseThrow().status())
        .isEqualTo(InvoiceStatus.CANCELLED);
  }
}
