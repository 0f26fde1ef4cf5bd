package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository;
import com.deltaenergy.invoicing.persistence.audit.InvoiceAuditRepository.AuditRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole automatic lifecycle leaves its trail: every step the system took is in the invoice's
 * audit, actor "system", at the time it happened (issue 18, point 14).
 */
class SystemAuditTrailTest extends WorkerIntegrationTest {

  @Autowired InvoiceAuditRepository audit;

  /**
   * Invoice numbers start again in each class's fresh database while the mail server is shared:
   * this lifecycle's reminders and receipts must not count as another class's.
   */
  @AfterEach
  void forgetTheMail() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
  }

  @Test
  void anAutomaticLifecycleIsAuditedStepByStepAsTheSystem() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.BTC, "970.00", today().plusDays(2));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    String address = issued.depositAddress();
    BigDecimal due = issued.cryptoAmount();

    // Past the grace period: overdue, and reminders go out.
    env.sleep(Duration.ofDays(12));
    await(workflow, s -> s.overdue() && s.dunning().stream().anyMatch(d -> d.sentAt() != null));

    String part = deposit(address, due.divide(BigDecimal.valueOf(2), 8, RoundingMode.DOWN).toPlainString(), "BTC", "BTC", 3);
    scan();
    await(workflow, s -> s.status() == InvoiceStatus.PARTIALLY_PAID);
    String rest = deposit(address, due.toPlainString(), "BTC", "BTC", 3);
    scan();
    await(workflow, s -> s.status() == InvoiceStatus.COMPLETE);
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    InvoiceState done = workflow.status().state();

    List<AuditRecord> trail =
        eventually(() -> audit.forInvoice(1L, invoice.id()), t -> t.stream().anyMatch(a -> a.action().equals("completed")));
    assertThat(trail).allSatisfy(a -> assertThat(a.actor()).isEqualTo("system"));
    assertThat(trail.stream().map(AuditRecord::action).distinct())
        .contains("created", "issued", "overdue", "dunning_stage_sent", "deposit_seen", "confirmations_reached",
            "underpaid", "paid", "overpaid", "booked_in_ledger", "completed");
    assertThat(one(trail, "issued").details()).contains(address).contains(issued.exchangeRate().stripTrailingZeros().toPlainString());
    assertThat(one(trail, "issued").occurredAt()).isEqualTo(done.issuedAt());
    // Paid when the last deposit arrived at the exchange (the client's terms), recorded after the
    // sightings and confirmations that made it so.
    assertThat(one(trail, "paid").details()).contains("\"arrived_at\": \"" + done.paidAt() + "\"");
    List<String> order = trail.stream().map(AuditRecord::action).toList();
    assertThat(order.indexOf("paid"))
        .isGreaterThan(order.lastIndexOf("deposit_seen"))
        .isGreaterThan(order.lastIndexOf("confirmations_reached"));
    assertThat(one(trail, "completed").occurredAt()).isEqualTo(done.completedAt());
    assertThat(trail).filteredOn(a -> a.action().equals("deposit_seen")).hasSize(2)
        .anySatisfy(a -> assertThat(a.details()).contains(part))
        .anySatisfy(a -> assertThat(a.details()).contains(rest));
    assertThat(trail.stream().map(AuditRecord::occurredAt).toList()).isSorted();
    assertThat(one(trail, "created").occurredAt()).isBeforeOrEqualTo(one(trail, "issued").occurredAt().plusSeconds(1));

    // Recorded once each, however often the state was recorded.
    int size = trail.size();
    scan();
    assertThat(audit.forInvoice(1L, invoice.id())).hasSize(size);
  }

  private static AuditRecord one(List<AuditRecord> trail, String action) {
    List<AuditRecord> found = trail.stream().filter(a -> a.action().equals(action)).toList();
    assertThat(found).as(action).hasSize(1);
    return found.get(0);
  }
}
