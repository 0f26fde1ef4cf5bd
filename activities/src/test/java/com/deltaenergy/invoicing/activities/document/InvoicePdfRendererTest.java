package com.deltaenergy.invoicing.activities.document;

import static com.deltaenergy.invoicing.activities.document.TestInvoices.BTC_ADDRESS;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.EVM_ADDRESS;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.TAO_ADDRESS;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.TRON_ADDRESS;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.invoice;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument.BillTo;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Line;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Paid;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Transaction;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.PaymentUris;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvoicePdfRendererTest {

  private static final Pattern AMOUNT_TO_PAY = Pattern.compile("Amount to pay: ([0-9.]+) [A-Z]+");

  private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

  private RenderedPdf render(InvoiceDocument invoice) {
    return new RenderedPdf(renderer.render(invoice));
  }

  /** Text with every run of whitespace as one space, for paragraphs that wrap. */
  private static String flowing(RenderedPdf pdf) {
    return pdf.text().replaceAll("\\s+", " ");
  }

  @Test
  void printsIssuerTitleAndInvoiceFacts() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.pageCount()).isEqualTo(1);
    // The issuer block and the invoice facts sit side by side, so their lines share text lines.
    assertThat(pdf.lines()).contains("Delta Energy Payments Ltd", "Valletta VLT 1110");
    assertThat(pdf.text())
        .contains("INVOICE")
        .contains("Unit 4, Harbour Court")
        .contains("Malta")
        .contains("Tax ID: MT12345678")
        .contains("E-mail: billing@deltaenergy.example")
        .contains("Invoice number DPY-2030-10-0001")
        .contains("Issue date 2030-10-01")
        .contains("Due date 2030-10-15")
        .contains("Billing period October 2030");
  }

  @Test
  void printsTheClient() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.lines())
        .containsSubsequence(
            "BILL TO",
            "Alps Blockchain AG",
            "Bahnhofstrasse 10",
            "8001 Zürich",
            "Switzerland",
            "Tax ID: CHE-123.456.789 MWST",
            "E-mail: accounts@alps-blockchain.example");
  }

  @Test
  void printsOnlyTheClientDetailsThatAreGiven() {
    RenderedPdf pdf = render(invoice().billTo(new BillTo("Other", List.of(), null, null)).build());

    assertThat(pdf.lines())
        .containsSubsequence("BILL TO", "Other", "Description Qty Unit price Amount");
    assertThat(pdf.text().split("Tax ID:", -1)).as("only the issuer's tax ID").hasSize(2);
    assertThat(pdf.text().split("E-mail:", -1)).as("only the issuer's e-mail").hasSize(2);
  }

  @Test
  void printsEachLineItemUnderTheColumnTitles() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.lines())
        .containsSubsequence(
            "Description Qty Unit price Amount",
            "Bitcoin Mining Colocation Services 1 USD 5,000.00 USD 5,000.00",
            "Power consumption (kWh) 12,345.5 USD 0.0525 USD 648.14",
            "Remote hands (hours) 2.5 USD 85.00 USD 212.50");
  }

  @Test
  void printsSubtotalTaxAndTotalInUsd() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.lines())
        .containsSubsequence("Subtotal USD 5,860.64", "VAT 10% USD 586.06", "Total USD 6,446.70");
  }

  @Test
  void zeroTaxInvoiceHasNoTaxLine() {
    RenderedPdf pdf = render(invoice().taxRatePercent(BigDecimal.ZERO).build());

    assertThat(pdf.lines()).containsSubsequence("Subtotal USD 5,860.64", "Total USD 5,860.64");
    assertThat(pdf.text()).doesNotContain("VAT").doesNotContain("%");
    assertThat(pdf.lines())
        .noneMatch(line -> line.startsWith("Tax") && !line.startsWith("Tax ID:"));
  }

  @Test
  void roundsLineAmountsAndTaxHalfUpToCents() {
    // 3 × 0.335 = 1.005 → 1.01; subtotal 100.05 + 1.01 = 101.06; 7.5 % = 7.5795 → 7.58.
    RenderedPdf pdf =
        render(
            invoice()
                .lines(
                    List.of(
                        line("Consulting", "1", "100.05"), line("Cross-connects", "3", "0.335")))
                .taxRatePercent(new BigDecimal("7.5"))
                .build());

    assertThat(pdf.lines())
        .containsSubsequence(
            "Consulting 1 USD 100.05 USD 100.05",
            "Cross-connects 3 USD 0.335 USD 1.01",
            "Subtotal USD 101.06",
            "VAT 7.5% USD 7.58",
            "Total USD 108.64");
  }

  @Test
  void roundsTaxUpOnAnExactHalfCent() {
    // 10 % of 100.05 is 10.005: HALF_UP makes it 10.01.
    RenderedPdf pdf = render(invoice().lines(List.of(line("Consulting", "1", "100.05"))).build());

    assertThat(pdf.lines())
        .containsSubsequence("Subtotal USD 100.05", "VAT 10% USD 10.01", "Total USD 110.06");
  }

  @Test
  void formatsUsdExactlyAndRefusesSubCentDigitsInAmounts() {
    assertThat(InvoicePdfRenderer.usd(new BigDecimal("5000"))).isEqualTo("USD 5,000.00");
    assertThat(InvoicePdfRenderer.usd(new BigDecimal("1234567.80"))).isEqualTo("USD 1,234,567.80");
    assertThat(InvoicePdfRenderer.usdPrice(new BigDecimal("0.052500"))).isEqualTo("USD 0.0525");
    assertThat(InvoicePdfRenderer.quantity(new BigDecimal("12345.50"))).isEqualTo("12,345.5");
    assertThatThrownBy(() -> InvoicePdfRenderer.usd(new BigDecimal("0.125")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void refusesToRenderALineAmountWithSubCentDigits() {
    // 0.125 + 0.005 adds up to a valid subtotal of 0.13, but neither line amount is in cents.
    List<Line> lines = List.of(unroundedLine("0.125"), unroundedLine("0.005"));
    InvoiceDocument invoice = invoice().lines(lines).taxRatePercent(null).build();

    assertThatThrownBy(() -> renderer.render(invoice)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void printsTheAmountToPayAtTheCoinsFullPrecisionAndTheLockedRate() {
    assertThat(render(invoice().build()).lines())
        .contains(
            "Amount to pay: 0.06646083 BTC", "1 BTC = USD 97,000.00, locked 2030-10-01 14:30 UTC");
    assertThat(render(invoice().payOn(PaymentNetwork.ERC20, EVM_ADDRESS, "1").build()).lines())
        .contains(
            "Amount to pay: 6446.700000 USDT", "1 USDT = USD 1.00, locked 2030-10-01 14:30 UTC");
    assertThat(render(invoice().payOn(PaymentNetwork.TAO, TAO_ADDRESS, "412.35").build()).lines())
        .contains(
            "Amount to pay: 15.634048745 TAO", "1 TAO = USD 412.35, locked 2030-10-01 14:30 UTC");
  }

  @Test
  void printsCoinNetworkWarningAndDepositAddress() {
    RenderedPdf pdf =
        render(invoice().payOn(PaymentNetwork.TRC20, TRON_ADDRESS, "0.9998").build());

    assertThat(pdf.lines())
        .containsSubsequence(
            "Pay in USDT on Tron (TRC20)",
            "Amount to pay: 6447.989598 USDT",
            "1 USDT = USD 0.9998, locked 2030-10-01 14:30 UTC",
            "Deposit address",
            TRON_ADDRESS);
    assertThat(flowing(pdf))
        .contains(
            "Send USDT on Tron (TRC20) only. Funds sent on any other network are lost and cannot be"
                + " recovered.");
    assertThat(pdf.text()).doesNotContain("Memo");
  }

  @Test
  void printsEvenTheLongestAddressOnOneLine() {
    String taprootAddress = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297";
    RenderedPdf pdf = render(invoice().payOn(PaymentNetwork.BTC, taprootAddress, "97000").build());

    assertThat(pdf.lines()).containsSubsequence("Deposit address", taprootAddress);
    assertThat(pdf.qrCodeOnFirstPage())
        .isEqualTo("bitcoin:" + taprootAddress + "?amount=0.06646083");
  }

  @Test
  void printsTheMemoWhenTheDepositNeedsOne() {
    RenderedPdf pdf = render(invoice().depositMemo("104729").build());

    assertThat(pdf.lines())
        .containsSubsequence("Deposit address", BTC_ADDRESS, "Memo / tag (required)", "104729");
  }

  @Test
  void printsTermsAndNotesAtTheEnd() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.lines())
        .containsSubsequence(
            "Deposit address",
            "Terms",
            "Payment due within 14 days. The crypto amount is fixed at the locked rate.",
            "Notes",
            "Thank you for your business.");
  }

  @Test
  void receiptCopyIsStampedPaidWithThePaidDateAndEveryCountedPayment() {
    String firstTxId = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    String secondTxId = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    Paid paid =
        new Paid(
            Instant.parse("2030-10-03T09:12:00Z"),
            List.of(
                new Transaction(firstTxId, new BigDecimal("0.05"), 4),
                new Transaction(secondTxId, new BigDecimal("0.01646083"), 1)));
    RenderedPdf pdf = render(invoice().paid(paid).build());

    assertThat(pdf.lines())
        .anySatisfy(line -> assertThat(line).endsWith("PAID"))
        .containsSubsequence(
            "Total USD 6,446.70",
            "Payment received",
            "Paid on 2030-10-03 09:12 UTC",
            "TxIDs",
            firstTxId,
            "0.05000000 BTC on Bitcoin, 4 confirmations",
            secondTxId,
            "0.01646083 BTC on Bitcoin, 1 confirmation");
  }

  @Test
  void receiptCopyGivesNoPaymentInstructionsAndNoQrCode() {
    String txId = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    Paid paid = new Paid(Instant.parse("2030-10-03T09:12:00Z"), List.of(new Transaction(txId, new BigDecimal("0.06646083"), 3)));
    RenderedPdf pdf = render(invoice().depositMemo("104729").paid(paid).build());

    assertThat(pdf.text())
        .doesNotContain("Amount to pay", "Pay in", "Deposit address", "Memo / tag", "Scan to pay", "Send BTC")
        .doesNotContain(BTC_ADDRESS);
    assertThat(pdf.imageCount(1)).as("no QR code").isZero();
    // the invoice itself still has them
    assertThat(render(invoice().build()).text()).contains("Amount to pay", "Deposit address");
  }

  @Test
  void theTenantsBrandColourMarksTheTitle() {
    var branded = RenderedPdf.textByColour(renderer.render(invoice().brandColor("#1F6FEB").build()));
    assertThat(branded.get("#1f6feb")).isEqualTo("INVOICE");
    // the rest of the text keeps its colour
    assertThat(branded.get("#1a1a1a")).contains("Subtotal", "Delta Energy Payments Ltd");
    var plain = RenderedPdf.textByColour(renderer.render(invoice().build()));
    assertThat(plain).doesNotContainKey("#1f6feb");
    assertThat(plain.get("#1a1a1a")).contains("INVOICE");
  }

  @Test
  void fullReceiptCopyFitsOnOnePageWithoutABlankTrailingPage() throws IOException {
    String txId = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    Paid paid =
        new Paid(
            Instant.parse("2030-10-03T09:12:00Z"),
            List.of(new Transaction(txId, new BigDecimal("0.03"), 3), new Transaction("0x" + txId, new BigDecimal("0.03646083"), 3)));
    RenderedPdf pdf =
        render(invoice().logoPng(logoPng()).depositMemo("104729").paid(paid).build());

    assertThat(pdf.pageCount()).isEqualTo(1);
    assertThat(pdf.lines(1)).containsSubsequence("Notes", "Thank you for your business.");
  }

  @Test
  void invoiceIsNotStampedPaid() {
    RenderedPdf pdf = render(invoice().build());

    assertThat(pdf.text()).doesNotContain("PAID").doesNotContain("Paid on").doesNotContain("TxID");
  }

  @Test
  void showsTheIssuerLogoWhenGiven() throws IOException {
    assertThat(render(invoice().build()).imageCount(1)).as("the QR code").isEqualTo(1);
    assertThat(render(invoice().logoPng(logoPng()).build()).imageCount(1))
        .as("the logo and the QR code")
        .isEqualTo(2);
  }

  static Stream<Arguments> qrCodePerNetwork() {
    return Stream.of(
        Arguments.of(
            PaymentNetwork.BTC,
            BTC_ADDRESS,
            "97000.00",
            "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.06646083"),
        Arguments.of(
            PaymentNetwork.ERC20,
            EVM_ADDRESS,
            "0.9998",
            "ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer"
                + "?address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e&uint256=6447989598"),
        Arguments.of(
            PaymentNetwork.BEP20,
            EVM_ADDRESS,
            "0.9998",
            "ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer"
                + "?address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e"
                + "&uint256=6447989598000000000000"),
        Arguments.of(PaymentNetwork.TRC20, TRON_ADDRESS, "0.9998", TRON_ADDRESS),
        Arguments.of(PaymentNetwork.TAO, TAO_ADDRESS, "412.35", TAO_ADDRESS));
  }

  @ParameterizedTest
  @MethodSource("qrCodePerNetwork")
  void qrCodeCarriesThePaymentUriForTheNetwork(
      PaymentNetwork network, String address, String rate, String expectedUri) {
    RenderedPdf pdf = render(invoice().payOn(network, address, rate).build());

    String scanned = pdf.qrCodeOnFirstPage();

    assertThat(scanned).isEqualTo(expectedUri);
    if (PaymentUris.includesAmount(network)) {
      assertThat(uriAmount(network, scanned)).isEqualByComparingTo(printedAmount(pdf));
    }
    if (PaymentUris.includesAmount(network)) {
      assertThat(pdf.lines()).contains("Scan to pay");
    } else {
      assertThat(pdf.lines())
          .containsSubsequence("Scan for the address only", "Type the amount by hand");
    }
  }

  @Test
  void longInvoiceRepeatsTheTableHeaderAndNumbersEveryPage() {
    List<Line> sixtyLines =
        IntStream.rangeClosed(1, 60)
            .mapToObj(
                i ->
                    line(
                        "Colocation rack R-%02d, October 2030".formatted(i),
                        String.valueOf(i % 3 + 1),
                        "1234.56"))
            .toList();
    RenderedPdf pdf = render(invoice().lines(sixtyLines).build());

    int pages = pdf.pageCount();
    assertThat(pages).isEqualTo(3);
    for (int page = 1; page <= pages; page++) {
      assertThat(pdf.lines(page))
          .as("page %d", page)
          .contains("Invoice DPY-2030-10-0001 Page " + page + " of " + pages);
    }
    // Pages 1 and 2 carry line items (the table header repeats); page 3 the totals and payment.
    assertThat(pdf.lines(1)).contains("Description Qty Unit price Amount");
    assertThat(pdf.lines(2).get(0)).isEqualTo("Description Qty Unit price Amount");
    for (int i = 1; i <= 60; i++) {
      int quantity = i % 3 + 1;
      String amount = List.of("1,234.56", "2,469.12", "3,703.68").get(quantity - 1);
      String row =
          "Colocation rack R-%02d, October 2030 %d USD 1,234.56 USD %s"
              .formatted(i, quantity, amount);
      assertThat(pdf.lines()).as("line %d printed once", i).containsOnlyOnce(row);
    }
    assertThat(pdf.lines(pages))
        .containsSubsequence(
            "Subtotal USD 148,147.20",
            "VAT 10% USD 14,814.72",
            "Total USD 162,961.92",
            "Amount to pay: 1.68001980 BTC");
  }

  @Test
  void oneRendererServesConcurrentRenders() throws Exception {
    List<InvoiceDocument> invoices =
        Stream.of(PaymentNetwork.values())
            .map(network -> invoice().payOn(network, addressOn(network), "2.5").build())
            .toList();
    List<String> sequential = invoices.stream().map(invoice -> render(invoice).text()).toList();

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> concurrent = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (InvoiceDocument invoice : invoices) {
          concurrent.add(threads.submit(() -> render(invoice).text()));
        }
      }
      for (int i = 0; i < concurrent.size(); i++) {
        assertThat(concurrent.get(i).get()).isEqualTo(sequential.get(i % invoices.size()));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String addressOn(PaymentNetwork network) {
    return switch (network) {
      case BTC -> BTC_ADDRESS;
      case ERC20, BEP20 -> EVM_ADDRESS;
      case TRC20 -> TRON_ADDRESS;
      case TAO -> TAO_ADDRESS;
    };
  }

  /** The amount the scanned URI asks for, in coins (USDT has 6 decimals on ERC20, 18 on BEP20). */
  private static BigDecimal uriAmount(PaymentNetwork network, String uri) {
    String query = uri.substring(uri.indexOf('?') + 1);
    return switch (network) {
      case BTC -> new BigDecimal(parameter(query, "amount"));
      case ERC20 -> new BigDecimal(new BigInteger(parameter(query, "uint256")), 6);
      case BEP20 -> new BigDecimal(new BigInteger(parameter(query, "uint256")), 18);
      case TRC20, TAO -> throw new AssertionError(network + " URIs carry no amount");
    };
  }

  private static String parameter(String query, String name) {
    return Stream.of(query.split("&"))
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> pair.substring(name.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + query));
  }

  private static BigDecimal printedAmount(RenderedPdf pdf) {
    Matcher matcher = AMOUNT_TO_PAY.matcher(pdf.text());
    assertThat(matcher.find()).as("amount to pay printed").isTrue();
    return new BigDecimal(matcher.group(1));
  }

  private static Line unroundedLine(String amountUsd) {
    BigDecimal amount = new BigDecimal(amountUsd);
    return new Line("Unrounded", BigDecimal.ONE, amount, amount);
  }

  private static byte[] logoPng() throws IOException {
    BufferedImage logo = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", png);
    return png.toByteArray();
  }
}
