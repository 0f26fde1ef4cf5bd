package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport.Difference;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.reconciliation.ReconciliationReportWorkflow;
import io.temporal.client.WorkflowOptions;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily three-way report, computed by the workflow the Temporal schedule starts, over real
 * parts: a paid invoice whose deposit, payment and ledger row agree; money on the exchange no
 * invoice counts; a ledger row no paid invoice explains. The two differences are listed and
 * mailed once; a clean day is not mailed.
 */
class ReconciliationReportTest extends WorkerIntegrationTest {

  @Autowired ReconciliationReportRepository reports;

  @Test
  void listsEachDifferenceOfTheDayAndMailsADayWithDifferencesOnce() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.BTC, "97.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    String paidTx = deposit(issued.depositAddress(), issued.cryptoAmount().toPlainString(), "BTC", "BTC", 3);
    scan();
    await(workflow, s -> s.status() == InvoiceStatus.COMPLETE);

    String stranger = sandbox("POST", "/addresses", "{\"coin\": \"BTC\", \"network\": \"BTC\"}").get("address").asText();
    String strangerTx = deposit(stranger, "0.0123", "BTC", "BTC", 3);
    scan();
    jdbc.sql("INSERT INTO cfo.transactions (date, description, amount, identifier) VALUES (now(), 'Manual entry', 42.00, 'DPY-2099-01-9999')")
        .update();

    int differences = run(day);

    assertThat(differences).isEqualTo(2);
    ReconciliationReport report = reports.find(1L, day).orElseThrow();
    assertThat(report.differences())
        .extracting(Difference::kind, Difference::txHash, Difference::invoiceNumber)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("DEPOSIT_WITHOUT_PAYMENT", strangerTx, null),
            org.assertj.core.groups.Tuple.tuple("LEDGER_ROW_WITHOUT_PAID_INVOICE", null, "DPY-2099-01-9999"));
    assertThat(report.differences()).extracting(Difference::txHash).doesNotContain(paidTx);
    assertThat(report.paidInvoices().count()).isEqualTo(1);
    assertThat(report.paidInvoices().amount()).isEqualByComparingTo("97.00");
    assertThat(report.ledgerRows().count()).isEqualTo(2);
    assertThat(report.ledgerRows().amount()).isEqualByComparingTo("139.00");
    assertThat(report.exchangeDeposits()).singleElement().satisfies(t -> {
      assertThat(t.unit()).isEqualTo("BTC");
      assertThat(t.count()).isEqualTo(2);
    });
    assertThat(report.payments()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo(issued.cryptoAmount()));

    List<MimeMessage> mailed = eventually(() -> reportMails(day), list -> !list.isEmpty());
    run(day); // computed again: the same incident, not mailed again
    pause(Duration.ofMillis(500));
    assertThat(reportMails(day)).hasSameSizeAs(mailed);
    assertThat(mailed).allSatisfy(m -> assertThat(subject(m)).contains("2 difference(s)"));

    LocalDate quiet = day.minusDays(3);
    assertThat(run(quiet)).isZero();
    assertThat(reports.find(1L, quiet).orElseThrow().differences()).isEmpty();
    pause(Duration.ofMillis(500));
    assertThat(reportMails(quiet)).isEmpty();
  }

  private int run(LocalDate day) {
    return client.newWorkflowStub(
            ReconciliationReportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReconciliationReportWorkflow.SCHEDULE_ID + "-test-" + UUID.randomUUID())
                .setTaskQueue(taskQueue)
                .build())
        .run(day.toString());
  }

  private static List<MimeMessage> reportMails(LocalDate day) {
    return withSubject(MAIL.getReceivedMessages(), "Reconciliation " + day);
  }
}
