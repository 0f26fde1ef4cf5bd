package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument.BillTo;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Issuer;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Line;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Paid;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceAmounts;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Invoice documents for tests, with the USD figures computed the way the system computes them
 * ({@link InvoiceAmounts}: HALF_UP to cents at each step). The default is a three-line BTC invoice
 * with 10 % VAT: subtotal USD 5,860.64, VAT USD 586.06, total USD 6,446.70, 0.06646083 BTC.
 */
final class TestInvoices {

  static final String BTC_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
  static final String EVM_ADDRESS = "0x742d35Cc6634C0532925a3b844Bc454e4438f44e";
  static final String TRON_ADDRESS = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC";
  static final String TAO_ADDRESS = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  static final List<Line> THREE_LINES =
      List.of(
          line("Bitcoin Mining Colocation Services", "1", "5000.00"),
          line("Power consumption (kWh)", "12345.5", "0.0525"),
          line("Remote hands (hours)", "2.5", "85.00"));

  private TestInvoices() {}

  static Builder invoice() {
    return new Builder();
  }

  static Line line(String description, String quantity, String unitPriceUsd) {
    BigDecimal qty = new BigDecimal(quantity);
    BigDecimal unitPrice = new BigDecimal(unitPriceUsd);
    return new Line(description, qty, unitPrice, InvoiceAmounts.lineAmount(qty, unitPrice));
  }

  static final class Builder {
    private byte[] logoPng;
    private String brandColor;
    private List<Line> lines = THREE_LINES;
    private BigDecimal taxRatePercent = new BigDecimal("10");
    private PaymentNetwork network = PaymentNetwork.BTC;
    private String depositAddress = BTC_ADDRESS;
    private BigDecimal exchangeRate = new BigDecimal("97000.00");
    private String depositMemo;
    private Paid paid;
    private boolean draft;
    private boolean estimate = true;
    private BillTo billTo =
        new BillTo(
            "Alps Blockchain AG",
            List.of("Bahnhofstrasse 10", "8001 Zürich", "Switzerland"),
            "CHE-123.456.789 MWST",
            "accounts@alps-blockchain.example");

    Builder logoPng(byte[] logoPng) {
      this.logoPng = logoPng;
      return this;
    }

    Builder brandColor(String brandColor) {
      this.brandColor = brandColor;
      return this;
    }

    Builder lines(List<Line> lines) {
      this.lines = lines;
      return this;
    }

    /** Null or zero: no tax. */
    Builder taxRatePercent(BigDecimal taxRatePercent) {
      this.taxRatePercent = taxRatePercent;
      return this;
    }

    /** Pays on {@code network} at {@code exchangeRate}; the crypto amount follows the total. */
    Builder payOn(PaymentNetwork network, String depositAddress, String exchangeRate) {
      this.network = network;
      this.depositAddress = depositAddress;
      this.exchangeRate = new BigDecimal(exchangeRate);
      return this;
    }

    Builder depositMemo(String depositMemo) {
      this.depositMemo = depositMemo;
      return this;
    }

    Builder billTo(BillTo billTo) {
      this.billTo = billTo;
      return this;
    }

    Builder paid(Paid paid) {
      this.paid = paid;
      return this;
    }

    /** A draft's preview: no number, no address; priced at the rate as an estimate, or not at all. */
    Builder draft(boolean withEstimate) {
      this.draft = true;
      this.estimate = withEstimate;
      this.depositAddress = null;
      return this;
    }

    InvoiceDocument build() {
      BigDecimal subtotal = InvoiceAmounts.subtotal(lines.stream().map(Line::amountUsd).toList());
      BigDecimal tax = InvoiceAmounts.tax(subtotal, taxRatePercent);
      BigDecimal total = subtotal.add(tax);
      int decimals = network.currency().decimals();
      // Rounded up, so paying the printed amount always covers the total.
      BigDecimal toPay = total.divide(exchangeRate, decimals, RoundingMode.UP);
      boolean taxed = tax.signum() != 0;
      boolean priced = !draft || estimate;
      return new InvoiceDocument(
          new Issuer(
              "Delta Energy Payments Ltd",
              List.of("Unit 4, Harbour Court", "Valletta VLT 1110", "Malta"),
              "MT12345678",
              "billing@deltaenergy.example",
              logoPng,
              brandColor),
          billTo,
          draft ? null : "DPY-2030-10-0001",
          LocalDate.of(2030, 10, 1),
          LocalDate.of(2030, 10, 15),
          "October 2030",
          lines,
          subtotal,
          taxed ? "VAT" : null,
          taxed ? taxRatePercent : null,
          tax,
          total,
          network.currency(),
          network,
          priced ? toPay : null,
          priced ? exchangeRate : null,
          priced ? Instant.parse("2030-10-01T14:30:00Z") : null,
          depositAddress,
          depositMemo,
          "Payment due within 14 days. The crypto amount is fixed at the locked rate.",
          "Thank you for your business.",
          paid,
          null,
          null,
          draft);
    }
  }
}
