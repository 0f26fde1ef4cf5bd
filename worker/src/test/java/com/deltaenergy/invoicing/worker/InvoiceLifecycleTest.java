package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.invoice.InvoiceStoreActivitiesImpl;
import com.deltaenergy.invoicing.activities.notification.SweptNotifications;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.notification.NotificationRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository.PaymentRecord;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.invoice.CancelRequest;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentResult;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;
import com.deltaenergy.invoicing.worker.recovery.InvoiceRecoverySweep;
import io.temporal.client.WorkflowStub;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvoiceLifecycleTest extends WorkerIntegrationTest {

  @Autowired PaymentRepository payments;
  @Autowired InvoiceRecoverySweep recovery;
  @Autowired NotificationRepository notifications;
  @Autowired SweptNotifications sweptNotifications;
  @Autowired InvoiceStoreActivitiesImpl store;

  @Test
  void issuesWithAnAddressAQuoteADocumentAndANotice() throws Exception {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TRC20, "5000.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);

    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    assertThat(issued.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(BlockchainAddresses.problem(PaymentNetwork.TRC20, issued.depositAddress())).isEmpty();
    assertThat(issued.cryptoAmount()).isEqualByComparingTo("5000.000000");
    Path pdf = Path.of(issued.progress().pdfPath());
    assertThat(pdf).exists();
    try (var document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(invoice.invoiceNumber()).contains(issued.depositAddress()).contains("5000.000000 USDT");
    }
    assertThat(workflow.status().state().status()).isEqualTo(InvoiceStatus.SENT);

    List<MimeMessage> created = mailsAbout(invoice, 2, "Invoice " + invoice.invoiceNumber() + " from");
    assertThat(created).hasSize(2);
    assertThat(created.stream().map(m -> recipient(m)).toList())
        .containsExactlyInAnyOrder("aldo@deltaenergy.com", "tiago@deltaenergy.com");
    assertThat(attachmentNames(created.get(0))).containsExactly(invoice.invoiceNumber() + ".pdf");
  }

  @Test
  void aPaymentFoundByTheScannerPaysTheInvoiceAndSendsTheReceipt() throws Exception {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.BTC, "970.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    String address = invoices.findById(invoice.id()).orElseThrow().depositAddress();
    String amount = invoices.findById(invoice.id()).orElseThrow().cryptoAmount().stripTrailingZeros().toPlainString();

    String tx = deposit(address, amount, "BTC", "BTC", 0);
    scan();
    assertThat(await(workflow, s -> s.status() == InvoiceStatus.PAYMENT_DETECTED).payments()).hasSize(1);
    confirm(tx, 1);
    scan();
    await(workflow, s -> s.status() == InvoiceStatus.CONFIRMING);
    confirm(tx, 3);
    scan();
    InvoiceState paid = await(workflow, s -> s.paidAt() != null);
    assertThat(paid.payments()).singleElement().satisfies(p -> {
      assertThat(p.txId()).isEqualTo(tx);
      assertThat(p.counts()).isTrue();
    });

    List<PaymentRecord> stored =
        eventually(() -> payments.forInvoice(1L, invoice.id()), list -> !list.isEmpty() && list.get(0).confirmations() == 3);
    assertThat(stored).singleElement().satisfies(p -> {
      assertThat(p.txHash()).isEqualTo(tx);
      assertThat(p.confirmations()).isEqualTo(3);
      assertThat(p.counts()).isTrue();
    });
    List<MimeMessage> receipts = mailsAbout(invoice, 2, "paid, thank you");
    assertThat(attachmentNames(receipts.get(0))).containsExactly(invoice.invoiceNumber() + "-paid.pdf");
    Path receipt = Path.of(invoices.findById(invoice.id()).orElseThrow().progress().receiptPath());
    try (var document = Loader.loadPDF(Files.readAllBytes(receipt))) {
      assertThat(new PDFTextStripper().getText(document)).contains("PAID").contains(tx);
    }
  }

  @Test
  void aDepositOnTheWrongNetworkIsRecordedAndFlaggedForAnOperator() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.ERC20, "100.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    String address = invoices.findById(invoice.id()).orElseThrow().depositAddress();

    String tx = deposit(address, "100", "USDT", "BEP20", 30);
    scan();
    InvoiceState state = await(workflow, s -> !s.payments().isEmpty());
    assertThat(state.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(state.payments()).singleElement().satisfies(p -> {
      assertThat(p.counts()).isFalse();
      assertThat(p.flag()).isEqualTo(PaymentFlag.WRONG_NETWORK);
    });
    assertThat(eventually(() -> payments.forInvoice(1L, invoice.id()), list -> !list.isEmpty()))
        .singleElement().satisfies(p -> {
          assertThat(p.txHash()).isEqualTo(tx);
          assertThat(p.flag()).isEqualTo("WRONG_NETWORK");
        });
    assertThat(mailsAbout(invoice, 2, "Check a deposit")).hasSize(2);
  }

  @Test
  void aDepositAfterCancellationIsRecordedAndFlaggedNeverCounted() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TAO, "450.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    workflow.cancel(new CancelRequest("client went away", "ops@deltaenergy.com"));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    String address = invoices.findById(invoice.id()).orElseThrow().depositAddress();

    String tx = deposit(address, "1", "TAO", "TAO", 12);
    scan();
    scan(); // a second cycle finds nothing new: recorded once

    assertThat(payments.forInvoice(1L, invoice.id())).singleElement().satisfies(p -> {
      assertThat(p.txHash()).isEqualTo(tx);
      assertThat(p.counts()).isFalse();
      assertThat(p.flag()).isEqualTo("AFTER_CANCEL");
    });
    assertThat(invoices.findById(invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.CANCELLED);
    assertThat(mailsAbout(invoice, 2, "Check a deposit")).hasSize(2);
  }

  @Test
  void aDepositAfterCancellationKeepsFollowingTheExchangeUntilFinal() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TAO, "450.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    workflow.cancel(new CancelRequest("client went away", "ops@deltaenergy.com"));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    String address = invoices.findById(invoice.id()).orElseThrow().depositAddress();
    // the look-out period is nearly over while the deposit is still confirming
    jdbc.sql("UPDATE deposit_watches SET watch_until = now() + interval '1 minute' WHERE invoice_id = ?")
        .param(invoice.id()).update();

    String tx = deposit(address, "1", "TAO", "TAO", 2);
    scan();
    assertThat(payments.forInvoice(1L, invoice.id())).singleElement().satisfies(p -> {
      assertThat(p.confirmations()).isEqualTo(2);
      assertThat(p.depositStatus()).isEqualTo("PENDING");
    });
    assertThat(jdbc.sql("SELECT watch_until > now() + interval '12 hours' FROM deposit_watches WHERE invoice_id = ?")
            .param(invoice.id()).query(Boolean.class).single())
        .as("a closed address with a pending deposit is watched on").isTrue();

    confirm(tx, 64);
    scan();
    assertThat(payments.forInvoice(1L, invoice.id())).singleElement().satisfies(p -> {
      assertThat(p.txHash()).isEqualTo(tx);
      assertThat(p.confirmations()).isEqualTo(64);
      assertThat(p.depositStatus()).isEqualTo("CREDITED");
      assertThat(p.counts()).isFalse();
      assertThat(p.flag()).isEqualTo("AFTER_CANCEL");
    });
    // told once, when first seen, not again for each new confirmation
    assertThat(mailsAbout(invoice, 2, "Check a deposit")).hasSize(2);
    pause(Duration.ofMillis(500));
    assertThat(withSubject(MAIL.getReceivedMessages(), "Check a deposit").stream()
            .filter(m -> subject(m).contains(invoice.invoiceNumber())).count()).isEqualTo(2);
  }

  @Test
  void aPaymentTheScannerHasNotSeenIsVerifiedByTxIdAndCountedOnce() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.BTC, "97.00", today().plusDays(20));
    InvoiceWorkflow workflow = startAndIssue(invoice);
    InvoiceRecord issued = invoices.findById(invoice.id()).orElseThrow();
    String tx = deposit(issued.depositAddress(), issued.cryptoAmount().stripTrailingZeros().toPlainString(), "BTC", "BTC", 1);

    VerifyPaymentResult unknown = workflow.verifyPayment(new VerifyPaymentRequest("abcdef0123456789", "ops"));
    assertThat(unknown.verdict()).isEqualTo(VerifyPaymentResult.Verdict.REJECTED);

    VerifyPaymentResult accepted = workflow.verifyPayment(new VerifyPaymentRequest(tx, "ops"));
    assertThat(accepted.verdict()).isEqualTo(VerifyPaymentResult.Verdict.ACCEPTED);
    assertThat(workflow.verifyPayment(new VerifyPaymentRequest(tx, "ops")).verdict())
        .isEqualTo(VerifyPaymentResult.Verdict.ALREADY_COUNTED);
    scan();

    InvoiceState state = await(workflow, s -> s.status() == InvoiceStatus.CONFIRMING);
    assertThat(state.payments()).singleElement().satisfies(p -> assertThat(p.manual()).isTrue());
    assertThat(eventually(() -> payments.forInvoice(1L, invoice.id()), list -> !list.isEmpty()))
        .singleElement().satisfies(p -> assertThat(p.manual()).isTrue());
  }

  @Test
  void theRecoverySweepStartsAWorkflowForAnUnfinishedInvoiceThatHasNone() {
    InvoiceRecord orphan = storeInvoice(PaymentNetwork.BTC, "10.00", today().plusDays(20));

    InvoiceRecoverySweep.Report report = recovery.sweep();

    assertThat(report.restarted()).contains(orphan.invoiceNumber());
    InvoiceWorkflow workflow = client.newWorkflowStub(InvoiceWorkflow.class, orphan.workflowId());
    InvoiceState state = await(workflow, s -> s.status() == InvoiceStatus.SENT);
    assertThat(state.depositAddress()).isNotNull();
    assertThat(recovery.sweep().restarted()).doesNotContain(orphan.invoiceNumber());
  }

  @Test
  void aNoticeTheLostRunRecordedButNeverSentIsSentOnceAfterTheRecoverySweep() {
    InvoiceRecord orphan = storeInvoice(PaymentNetwork.BTC, "12.00", today().plusDays(20));
    // What a run killed between recording a notice and delivering it leaves behind.
    long id =
        notifications.record(new NotificationRepository.NewNotification(
            1L, orphan.id(), "lost-run|" + orphan.id(), "invoice.paid", "", "email", "ops@example.com",
            "workflow", "Paid " + orphan.invoiceNumber() + " (lost run)", "paid", "<p>paid</p>", null, null,
            "<lost-run-" + orphan.id() + "@invoicing.test>"));

    assertThat(recovery.sweep().restarted()).contains(orphan.invoiceNumber());

    assertSweptAndSentOnce(id, orphan, "(lost run)", () -> {});
  }

  /**
   * The fault suite's worker-kill case: the first workflow task issued the invoice and recorded its
   * notices in local activities, then its worker died before the task completed. The retried task
   * loads the invoice, finds it issued and has no history of those notices: the load hands them to
   * the sweep, which sends each once.
   */
  @Test
  void aNoticeAFirstTaskRecordedBeforeItsWorkerDiedIsSentOnceWhenTheRetriedTaskFindsTheInvoiceIssued() {
    InvoiceRecord invoice = storeInvoice(PaymentNetwork.TRC20, "14.00", today().plusDays(20));
    startAndIssue(invoice);
    long id = notifications.record(diedAttemptsNotice(invoice, "(died attempt)"));
    sweptNotifications.sweep();
    assertThat(notifications.find(id).orElseThrow().status()).as("still the workflow's").isEqualTo("pending");

    assertThat(store.load(invoice.id()).recorded()).as("the retried task finds it issued").isNotNull();

    assertSweptAndSentOnce(id, invoice, "(died attempt)", () -> store.load(invoice.id()));
  }

  /** The sweep sends the notice; a second sweep (after {@code again}) sends nothing more. */
  private void assertSweptAndSentOnce(long id, InvoiceRecord invoice, String subjectFragment, Runnable again) {
    sweptNotifications.sweep();
    assertThat(notifications.find(id).orElseThrow().status()).isEqualTo("sent");
    assertThat(mailsAbout(invoice, 1, subjectFragment)).hasSize(1);
    again.run();
    sweptNotifications.sweep();
    pause(java.time.Duration.ofMillis(500));
    assertThat(withSubject(MAIL.getReceivedMessages(), subjectFragment).stream()
            .filter(m -> subject(m).contains(invoice.invoiceNumber())))
        .as("sent once").hasSize(1);
  }

  @Test
  void loadingAnInvoiceNeverIssuedLeavesItsNoticesToItsWorkflow() {
    InvoiceRecord draft = storeInvoice(PaymentNetwork.BTC, "15.00", today().plusDays(20));
    long id = notifications.record(diedAttemptsNotice(draft, "(not handed)"));

    assertThat(store.load(draft.id()).recorded()).isNull();
    sweptNotifications.sweep();

    assertThat(notifications.find(id).orElseThrow().status()).isEqualTo("pending");
  }

  private static NotificationRepository.NewNotification diedAttemptsNotice(InvoiceRecord invoice, String marker) {
    return new NotificationRepository.NewNotification(
        1L, invoice.id(), "died-attempt|" + invoice.id(), "invoice.created", "", "email", "ops@example.com",
        "workflow", "Invoice " + invoice.invoiceNumber() + " " + marker, "created", "<p>created</p>", null, null,
        "<died-attempt-" + invoice.id() + "@invoicing.test>");
  }

  private List<MimeMessage> mailsAbout(InvoiceRecord invoice, int count, String subjectFragment) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    List<MimeMessage> found = List.of();
    while (System.nanoTime() < deadline) {
      found =
          withSubject(MAIL.getReceivedMessages(), subjectFragment).stream()
              .filter(m -> subject(m).contains(invoice.invoiceNumber()))
              .toList();
      if (found.size() >= count) {
        return found;
      }
      pause(java.time.Duration.ofMillis(100));
    }
    throw new AssertionError("expected " + count + " mails '" + subjectFragment + "' about " + invoice.invoiceNumber()
        + ", found " + found.size());
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> attachmentNamesUnchecked(MimeMessage message) {
    try {
      return attachmentNames(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> attachmentNames(MimeMessage message) throws Exception {
    List<String> names = new java.util.ArrayList<>();
    collect((Multipart) message.getContent(), names);
    return names;
  }

  private static void collect(Multipart multipart, List<String> names) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.getFileName() != null) {
        names.add(part.getFileName());
      } else if (part.getContent() instanceof Multipart nested) {
        collect(nested, names);
      }
    }
  }

}
