package com.deltaenergy.invoicing.bench;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.BillTo;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Issuer;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Line;
import com.deltaenergy.invoicing.activities.document.InvoicePdfRenderer;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceAmounts;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to render an invoice PDF, QR code included, for a typical one-line invoice and a long
 * 50-line one. SampleTime so JMH reports percentiles (p50/p90/p99); results in
 * docs/BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PdfRenderBenchmark {

  private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();
  private InvoiceDocument oneItem;
  private InvoiceDocument fiftyItems;

  @Setup
  public void createInvoices() {
    oneItem = invoice(1);
    fiftyItems = invoice(50);
  }

  @Benchmark
  public byte[] oneItem() {
    return renderer.render(oneItem);
  }

  @Benchmark
  public byte[] fiftyItems() {
    return renderer.render(fiftyItems);
  }

  /** A USDT-on-ERC20 invoice with 10 % VAT: the longest QR payload of all networks. */
  private static InvoiceDocument invoice(int lineCount) {
    List<Line> lines =
        IntStream.rangeClosed(1, lineCount)
            .mapToObj(
                i -> {
                  BigDecimal quantity = BigDecimal.valueOf(i % 3 + 1);
                  BigDecimal unitPrice = new BigDecimal("1234.56");
                  return new Line(
                      "Bitcoin Mining Colocation Services, rack R-" + i,
                      quantity,
                      unitPrice,
                      InvoiceAmounts.lineAmount(quantity, unitPrice));
                })
            .toList();
    BigDecimal subtotal = InvoiceAmounts.subtotal(lines.stream().map(Line::amountUsd).toList());
    BigDecimal taxRate = BigDecimal.TEN;
    BigDecimal tax = InvoiceAmounts.tax(subtotal, taxRate);
    BigDecimal total = subtotal.add(tax);
    BigDecimal rate = new BigDecimal("0.9998");
    return new InvoiceDocument(
        new Issuer(
            "Delta Energy Payments Ltd",
            List.of("Unit 4, Harbour Court", "Valletta VLT 1110", "Malta"),
            "MT12345678",
            "billing@deltaenergy.example",
            null),
        new BillTo(
            "Alps Blockchain AG",
            List.of("Bahnhofstrasse 10", "8001 Zurich", "Switzerland"),
            "CHE-123.456.789 MWST",
            "accounts@alps-blockchain.example"),
        "DPY-2030-10-0001",
        LocalDate.of(2030, 10, 1),
        LocalDate.of(2030, 10, 15),
        "October 2030",
        lines,
        subtotal,
        "VAT",
        taxRate,
        tax,
        total,
        CryptoCurrency.USDT,
        PaymentNetwork.ERC20,
        total.divide(rate, CryptoCurrency.USDT.decimals(), RoundingMode.UP),
        rate,
        Instant.parse("2030-10-01T14:30:00Z"),
        "0x742d35Cc6634C0532925a3b844Bc454e4438f44e",
        null,
        "Payment due within 14 days. The crypto amount is fixed at the locked rate.",
        "Thank you for your business.",
        null);
  }
}
