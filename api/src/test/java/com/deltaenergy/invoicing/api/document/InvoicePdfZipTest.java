package com.deltaenergy.invoicing.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.persistence.imports.ImportRow;
import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class InvoicePdfZipTest extends ApiTest {

  @Autowired InvoiceRepository invoices;
  @Autowired InvoiceImportRepository imports;
  @Autowired JdbcClient jdbc;

  @Test
  void zipsTheChosenInvoicesPdfsNamedByNumber() throws Exception {
    Path documents = Files.createTempDirectory("zip-test");
    InvoiceRecord first = withPdf(documents, "5000.00");
    InvoiceRecord second = withPdf(documents, "600.00");
    InvoiceRecord third = withPdf(documents, "70.00");
    jdbc.sql("UPDATE invoices SET status = 'paid' WHERE id = ?").param(third.id()).update();

    Map<String, String> byIds = unzip("/api/invoices/pdf.zip?ids=" + first.id() + "," + second.id());
    assertThat(byIds).containsOnlyKeys(first.invoiceNumber() + ".pdf", second.invoiceNumber() + ".pdf");
    assertThat(byIds.get(first.invoiceNumber() + ".pdf")).isEqualTo("%PDF-1.4 " + first.invoiceNumber());

    Map<String, String> paid = unzip("/api/invoices/pdf.zip?status=paid&from=" + LocalDate.now().minusDays(1));
    assertThat(paid).containsKey(third.invoiceNumber() + ".pdf").doesNotContainKey(first.invoiceNumber() + ".pdf");

    long importId = imports.create(1, "send", false);
    imports.addRows(importId, List.of(new ImportRow(2, "zip-" + second.id(), null, null,
        List.of(new ImportRow.RowError("client", "x")))));
    jdbc.sql("UPDATE invoice_import_rows SET status = 'created', invoice_id = ? WHERE import_id = ?")
        .params(second.id(), importId).update();
    assertThat(unzip("/api/invoices/pdf.zip?import_id=" + importId)).containsOnlyKeys(second.invoiceNumber() + ".pdf");

    assertThat(unzip("/api/invoices/pdf.zip?from=2001-01-01&to=2001-01-02")).isEmpty();
    assertThat(api.getBytes("/api/invoices/pdf.zip?status=lost").statusCode()).isEqualTo(400);
  }

  private InvoiceRecord withPdf(Path documents, String usd) throws Exception {
    BigDecimal amount = new BigDecimal(usd);
    InvoiceRecord invoice = invoices.create(
        new NewInvoice(1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
            PaymentNetwork.TRC20, "October 2025", "Colocation", null, LocalDate.now(), LocalDate.now().plusDays(15),
            List.of(new LineItem("Mining", BigDecimal.ONE, amount, amount))));
    Path pdf = documents.resolve(invoice.invoiceNumber() + ".pdf");
    Files.writeString(pdf, "%PDF-1.4 " + invoice.invoiceNumber());
    invoices.recordDocument(invoice.id(), false, pdf.toString(), "0".repeat(64));
    return invoice;
  }

  private Map<String, String> unzip(String path) throws Exception {
    HttpResponse<byte[]> response = api.getBytes(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
