package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notices as they reach a real SMTP server. */
class NotificationsTest extends WorkerIntegrationTest {

  private static final List<String> STAGE_TITLES =
      List.of("Payment reminder", "Payment overdue", "Demand for payment", "Final notice before collections",
          "Handed to collections");
  private static final ZoneId ASUNCION = ZoneId.of("America/Asuncion");

  @Autowired NotificationRepository notifications;

  @Test
  void eachEventReachesItsRecipientsWithItsAttachment() throws Exception {
    jdbc.sql("UPDATE clients SET contact_email = 'payables@exos.example' WHERE id = 2").update();
    InvoiceRecord invoice = storeInvoiceFor(2, PaymentNetwork.BTC, "970.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();

    List<MimeMessage> created = mails(invoice, "from Delta Mining Paraguay S.A.", 3);
    assertThat(recipients(created)).containsExactlyInAnyOrder("aldo@deltaenergy.com", "tiago@deltaenergy.com", "payables@exos.example");
    assertThat(InvoiceLifecycleTest.attachmentNames(created.get(0))).containsExactly(invoice.invoiceNumber() + ".pdf");

    String half = issued.cryptoAmount().divide(BigDecimal.valueOf(2)).toPlainString();
    String first = deposit(issued.depositAddress(), half, "BTC", "BTC", 0);
    scan();
    List<MimeMessage> detected = mails(invoice, "Payment detected for invoice", 3);
    assertThat(InvoiceLifecycleTest.attachmentNames(detected.get(0))).isEmpty();

    confirm(first, 3);
    scan();
    List<MimeMessage> partial = mails(invoice, "partially paid", 3);
    assertThat(subject(partial.get(0))).contains("to go");

    deposit(issued.depositAddress(), issued.cryptoAmount().toPlainString(), "BTC", "BTC", 3);
    scan();
    List<MimeMessage> overpaid = mails(invoice, "overpaid by", 3);
    assertThat(recipients(overpaid)).contains("payables@exos.example");
    List<MimeMessage> paid = mails(invoice, "paid, thank you", 3);
    assertThat(InvoiceLifecycleTest.attachmentNames(paid.get(0))).containsExactly(invoice.invoiceNumber() + "-paid.pdf");
    await(workflow, s -> s.paidAt() != null);

    // Every mail carries the Message-ID recorded with its notification.
    var recorded =
        notifications.forInvoice(1L, invoice.id()).stream()
            .map(NotificationRepository.Notification::messageId)
            .collect(Collectors.toSet());
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      if (subject(message).contains(invoice.invoiceNumber())) {
        assertThat(recorded).contains(message.getMessageID());
      }
    }
  }

  @Test
  void overdueCancelledAndCollectionsNotices() {
    InvoiceRecord cancelledInvoice = storeInvoice(PaymentNetwork.TRC20, "100.00", today().plusDays(20));
    InvoiceWorkflow cancelled = startAndIssue(cancelledInvoice);
    cancelled.cancel(new CancelRequest("duplicate of another invoice", "ops"));
    List<MimeMessage> cancellation = mails(cancelledInvoice, "cancelled", 2);
    assertThat(textOf(cancellation.get(0))).contains("duplicate of another invoice");

    InvoiceRecord late = storeInvoice(PaymentNetwork.TRC20, "100.00", today().plusDays(2));
    InvoiceWorkflow lateWorkflow = startAndIssue(late);
    env.sleep(Duration.ofDays(2 + 31));
    await(lateWorkflow, s -> s.status() == InvoiceStatus.IN_COLLECTIONS);
    assertThat(mails(late, "is overdue", 2)).hasSize(2);
    List<MimeMessage> handedOver = mails(late, "handed to collections", 2);
    assertThat(recipients(handedOver)).containsExactlyInAnyOrder("aldo@deltaenergy.com", "tiago@deltaenergy.com");
  }

  @Test
  void thirtyOneDaysSendEachDunningStageExactlyOnceAtItsOffset() {
    LocalDate due = today().plusDays(2);
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TAO, "450.00", due);
    InvoiceWorkflow workflow = startAndIssue(invoice);

    env.sleep(Duration.ofDays(2 + 31));
    InvoiceState state = await(workflow, s -> s.status() == InvoiceStatus.IN_COLLECTIONS);

    List<Integer> offsets = List.of(-1, 7, 14, 21, 30);
    for (int stage = 1; stage <= 5; stage++) {
      DunningStage sent = state.dunning().get(stage - 1);
      var expected = due.plusDays(offsets.get(stage - 1)).atTime(9, 0).atZone(ASUNCION).toInstant();
      assertThat(sent.sentAt()).isBetween(expected, expected.plusSeconds(5));
      String title = STAGE_TITLES.get(stage - 1);
      List<MimeMessage> stageMails = mails(invoice, title + ": invoice", 2);
      assertThat(stageMails).as("stage %d", stage).hasSize(2);
      assertThat(InvoiceLifecycleTest.attachmentNamesUnchecked(stageMails.get(0))).containsExactly(invoice.invoiceNumber() + ".pdf");
    }
    env.sleep(Duration.ofDays(10));
    Map<String, Long> perSubject =
        Arrays.stream(MAIL.getReceivedMessages()).map(WorkerIntegrationTest::subject)
            .filter(s -> s.contains(invoice.invoiceNumber()))
            .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(perSubject.values()).allMatch(count -> count == 2L);
  }

  @Test
  void anInvoicePaidOnDayTenNeverGetsStagesThreeToFive() {
    LocalDate due = today().plusDays(2);
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.BTC, "97.00", due);
    InvoiceWorkflow workflow = startAndIssue(invoice);
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();

    env.sleep(Duration.ofDays(10));
    deposit(issued.depositAddress(), issued.cryptoAmount().toPlainString(), "BTC", "BTC", 3);
    scan();
    await(workflow, s -> s.paidAt() != null);
    env.sleep(Duration.ofDays(30));

    assertThat(mails(invoice, STAGE_TITLES.get(0) + ": invoice", 2)).hasSize(2);
    assertThat(mails(invoice, STAGE_TITLES.get(1) + ": invoice", 2)).hasSize(2);
    for (String title : STAGE_TITLES.subList(2, 5)) {
      assertThat(withSubject(MAIL.getReceivedMessages(), title + ": invoice " + invoice.invoiceNumber())).isEmpty();
    }
  }

  @Test
  void aMailServerDownForADayDelaysMailButDeliversEachMessageOnce() throws Exception {
    stopMail();
    InvoiceRecord invoice;
    try {
      invoice = storeInvoice(PaymentNetwork.ERC20, "250.00", today().plusDays(20));
      startAndIssue(invoice);
      env.sleep(Duration.ofDays(1));
      List<NotificationRepository.Notification> pending = notifications.forInvoice(1L, invoice.id());
      assertThat(pending).hasSize(2).allSatisfy(n -> {
        assertThat(n.status()).isNotEqualTo("sent");
        assertThat(n.attempts()).isGreaterThan(3);
        assertThat(n.lastError()).contains("SMTP");
      });
    } finally {
      startMail();
    }
    env.sleep(Duration.ofHours(1));
    List<MimeMessage> delivered = mails(invoice, "from Delta Mining Paraguay S.A.", 2);
    assertThat(delivered).hasSize(2);
    assertThat(delivered.stream().map(m -> messageId(m)).distinct()).hasSize(2);
    assertThat(eventually(() -> notifications.forInvoice(1L, invoice.id()),
            list -> list.stream().allMatch(n -> n.status().equals("sent"))))
        .hasSize(2);
    env.sleep(Duration.ofHours(2));
    assertThat(withSubject(MAIL.getReceivedMessages(), invoice.invoiceNumber() + " from")).hasSize(2);
  }

  private InvoiceRecord storeInvoiceFor(long clientId, PaymentNetwork network, String usd, LocalDate due) {
    InvoiceRecord invoice = storeInvoice(network, usd, due);
    jdbc.sql("UPDATE invoices SET client_id = ? WHERE id = ?").params(clientId, invoice.id()).update();
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /** Waits for the mails about the invoice whose subject has the fragment; there must be exactly n. */
  private List<MimeMessage> mails(InvoiceRecord invoice, String fragment, int n) {
    List<MimeMessage> found =
        eventually(
            () -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).contains(invoice.invoiceNumber()) && subject(m).contains(fragment))
                .toList(),
            list -> list.size() >= n);
    pause(Duration.ofMillis(200));
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).contains(invoice.invoiceNumber()) && subject(m).contains(fragment))
        .toList();
  }

  private static List<String> recipients(List<MimeMessage> messages) {
    return messages.stream().map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String textOf(MimeMessage message) {
    try {
      return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e);
    }
  }
}
