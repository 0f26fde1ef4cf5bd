package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.paylink.PayLinkRepository;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The payer's pay link reaches the payer: in the "created" mail, in every reminder, on the PDF. */
class PayLinkNoticesTest extends WorkerIntegrationTest {

  @Autowired ClientRepository clients;
  @Autowired PayLinkRepository links;

  @Test
  void theCreatedMailTheRemindersAndThePdfCarryThePayLink() throws Exception {
    Client client = clients.create(1L, new ClientFields(
        "Pay Link Client " + System.nanoTime(), "payer-en@example.com", null, null, null, null));
    InvoiceRecord invoice = storeInvoiceFor(client.id(), PaymentNetwork.TRC20, "100.00");
    startAndIssue(invoice);
    String url = "http://localhost:5002/pay/" + links.tokenOf(invoice.id()).orElseThrow();

    MimeMessage created = mailTo("payer-en@example.com", invoice.invoiceNumber() + " from");
    assertThat(text(created, "text/plain")).contains("Pay online and follow your payment: " + url);
    assertThat(text(created, "text/html")).contains("<a href=\"" + url + "\"");
    assertThat(pdfText(invoices.findById(invoice.id()).orElseThrow())).contains("Pay online and follow your payment: " + url);

    // Stage 1 is one day before the due date, at nine in the morning.
    env.sleep(Duration.ofDays(2));
    MimeMessage reminder = mailTo("payer-en@example.com", "Payment reminder: invoice " + invoice.invoiceNumber());
    assertThat(text(reminder, "text/plain")).contains(url);
  }

  @Test
  void aSpanishClientReadsSpanishWhileOperationsReadEnglish() throws Exception {
    Client client = clients.create(1L, new ClientFields(
        "Cliente Paraguayo " + System.nanoTime(), "pagos-es@example.com", null, null, null, null, null, null, "es"));
    InvoiceRecord invoice = storeInvoiceFor(client.id(), PaymentNetwork.TRC20, "5000.00");
    startAndIssue(invoice);
    String url = "http://localhost:5002/pay/" + links.tokenOf(invoice.id()).orElseThrow();

    MimeMessage toClient = mailTo("pagos-es@example.com", "Factura " + invoice.invoiceNumber() + " de");
    assertThat(text(toClient, "text/plain"))
        .contains("Adjuntamos la factura", "5.000,00 USD", "Envíe USDT solo por la red Tron (TRC20)",
            "Pague en línea y siga su pago: " + url);
    // Other test classes' invoices may have the same number on this mail server: the link is unique.
    MimeMessage toOperations = mailTo("aldo@deltaenergy.com", "Invoice " + invoice.invoiceNumber() + " from", url);
    assertThat(text(toOperations, "text/plain")).contains("Please find attached invoice", "5000.00 USD");
    // The PDF is the client's document: in the client's language, with the standard terms translated.
    assertThat(pdfText(invoices.findById(invoice.id()).orElseThrow()))
        .contains("FACTURA", "Importe a pagar", "USD 5.000,00", "El pago vence en la fecha de vencimiento",
            "Pague en línea y siga su pago: " + url);
  }

  InvoiceRecord storeInvoiceFor(long clientId, PaymentNetwork network, String usd) {
    InvoiceRecord invoice = storeInvoice(network, usd, today().plusDays(2));
    jdbc.sql("UPDATE invoices SET client_id = ? WHERE id = ?").params(clientId, invoice.id()).update();
    return invoices.findById(invoice.id()).orElseThrow();
  }

  MimeMessage mailTo(String recipient, String subjectFragment) {
    return mailTo(recipient, subjectFragment, "");
  }

  MimeMessage mailTo(String recipient, String subjectFragment, String bodyFragment) {
    return eventually(
            () -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).contains(subjectFragment) && recipient(m).equals(recipient)
                    && plainText(m).contains(bodyFragment))
                .toList(),
            found -> !found.isEmpty())
        .get(0);
  }

  static String plainText(MimeMessage message) {
    try {
      return text(message, "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pdfText(InvoiceRecord invoice) throws Exception {
    try (var document = Loader.loadPDF(Files.readAllBytes(Path.of(invoice.progress().pdfPath())))) {
      return new PDFTextStripper().getText(document);
    }
  }

  static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded text of the message's parts of that type. */
  static String text(Part part, String type) throws Exception {
    if (part.isMimeType(type) && part.getFileName() == null) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i), type));
      }
      return all.toString();
    }
    return "";
  }

}
