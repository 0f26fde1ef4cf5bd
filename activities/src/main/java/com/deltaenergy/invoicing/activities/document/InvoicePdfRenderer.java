package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument.BillTo;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Issuer;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Line;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Paid;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.lowagie.text.BadElementException;
import com.lowagie.text.ImgRaw;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.deltaenergy.invoicing.workflows.payment.PaymentQrCode;
import com.deltaenergy.invoicing.workflows.payment.PaymentUris;
import com.deltaenergy.invoicing.activities.i18n.InvoicingMessages;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Renders an {@link InvoiceDocument} as an A4 PDF: issuer and client, line items, totals in USD,
 * the amount to pay in crypto at the locked rate, and the payment instructions with a QR code
 * (see {@link PaymentUris}). A receipt copy ({@code paid != null}) is stamped PAID and lists the
 * transactions that paid it.
 *
 * <p>Money is formatted from {@link BigDecimal} without rounding: a figure with more decimals than
 * it may be printed with throws instead of being printed wrong. Thread-safe; one instance can
 * serve every render.
 */
public final class InvoicePdfRenderer {

  /** The QR code's printed edge, about 4.6 cm: comfortably scannable from a screen or paper. */
  private static final float QR_SIZE_POINTS = 130;
  /**
   * The QR image's edge in pixels, about 330 dpi at the printed size. With one pixel per module a
   * rasteriser has to stretch modules unevenly (6 or 7 pixels each at 200 dpi), which is enough to
   * make long payloads such as EIP-681 URIs unreadable; at ~10 pixels per module they stay even.
   */
  private static final int QR_PIXELS = 600;

  private static final float MARGIN = 42;
  private static final float FOOTER_MARGIN = 56;
  private static final float LOGO_MAX_WIDTH = 150;
  private static final float LOGO_MAX_HEIGHT = 50;
  private static final float ADDRESS_MAX_FONT_SIZE = 11;
  private static final float PAYMENT_BOX_PADDING = 10;

  private static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);
  private static final Color MUTED = new Color(0x66, 0x66, 0x66);
  private static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
  private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
  private static final Color WARNING = new Color(0xB0, 0x00, 0x20);
  private static final Color STAMP = new Color(0xC6, 0x28, 0x28);
  private static final Color LINK = new Color(0x0B, 0x3D, 0x6E);
  private static final Color DRAFT_STAMP = new Color(0x55, 0x55, 0x55);
  private static final Color DRAFT_WATERMARK = new Color(0xE4, 0xE4, 0xE4);


  // The 14 standard PDF fonts: never embedded, so every render is small and fast.
  private final BaseFont regular = standardFont(BaseFont.HELVETICA);
  private final BaseFont bold = standardFont(BaseFont.HELVETICA_BOLD);
  private final BaseFont monospaced = standardFont(BaseFont.COURIER);
  private final Font body = new Font(regular, 9, Font.NORMAL, TEXT);
  private final Font bodyBold = new Font(bold, 9, Font.NORMAL, TEXT);
  private final Font label = new Font(bold, 7.5f, Font.NORMAL, MUTED);
  private final Font small = new Font(regular, 8, Font.NORMAL, MUTED);
  private final Font issuerName = new Font(bold, 13, Font.NORMAL, TEXT);
  private final Font clientName = new Font(bold, 11, Font.NORMAL, TEXT);
  private final Font total = new Font(bold, 11, Font.NORMAL, TEXT);
  private final Font payIn = new Font(bold, 16, Font.NORMAL, TEXT);
  private final Font amountToPay = new Font(bold, 13, Font.NORMAL, TEXT);
  private final Font warning = new Font(bold, 9.5f, Font.NORMAL, WARNING);
  private final Font stamp = new Font(bold, 28, Font.NORMAL, STAMP);
  private final Font draftStamp = new Font(bold, 28, Font.NORMAL, DRAFT_STAMP);

  private final InvoicingMessages messages;

  /** Labels from the standard bundles (i18n/pdf, i18n/payment). */
  public InvoicePdfRenderer() {
    this(new InvoicingMessages());
  }

  public InvoicePdfRenderer(InvoicingMessages messages) {
    this.messages = messages;
  }

  public byte[] render(InvoiceDocument invoice) {
    Labels labels = new Labels(messages, invoice.locale());
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_MARGIN);
    PdfWriter writer = PdfWriter.getInstance(document, pdf);
    String number = number(invoice, labels);
    writer.setPageEvent(new PageFooter(regular, labels.text("pdf.footer", number), labels));
    if (invoice.draft()) {
      writer.setPageEvent(new DraftWatermark(bold, labels.text("pdf.draft-stamp")));
    }
    document.addTitle(labels.text("pdf.document-title", number));
    document.addAuthor(invoice.issuer().name());
    document.open();
    document.add(header(invoice, labels));
    document.add(billToRow(invoice, labels));
    document.add(lineItems(invoice, labels));
    document.add(summary(invoice, document.right() - document.left(), labels));
    if (invoice.payUrl() != null) {
      document.add(payLink(invoice, labels));
    }
    if (invoice.terms() != null) {
      addSection(document, labels.text("pdf.terms-heading"), invoice.terms());
    }
    if (invoice.notes() != null) {
      addSection(document, labels.text("pdf.notes-heading"), invoice.notes());
    }
    document.close();
    return pdf.toByteArray();
  }

  private PdfPTable header(InvoiceDocument invoice, Labels labels) {
    PdfPTable header = table(new float[] {55, 45});
    header.addCell(issuerBlock(invoice.issuer(), labels));

    PdfPCell right = borderless();
    // The tenant's brand colour, when it has one, marks the title and the line items' header.
    Paragraph heading = paragraph(labels.text("pdf.title"), new Font(bold, 26, Font.NORMAL, accent(invoice)));
    heading.setAlignment(Element.ALIGN_RIGHT);
    heading.setSpacingAfter(6);
    right.addElement(heading);
    PdfPTable facts = table(new float[] {50, 50});
    fact(facts, labels.text("pdf.invoice-number"), number(invoice, labels));
    fact(facts, labels.text("pdf.issue-date"), labels.date(invoice.issueDate()));
    fact(facts, labels.text("pdf.due-date"), labels.date(invoice.dueDate()));
    fact(facts, labels.text("pdf.billing-period"), invoice.billingPeriod());
    right.addElement(facts);
    header.addCell(right);
    return header;
  }

  /** The invoice number, or on a draft's preview "Draft — not issued": a draft gets its number when sent. */
  private static String number(InvoiceDocument invoice, Labels labels) {
    return invoice.draft() ? labels.text("pdf.draft-number") : invoice.invoiceNumber();
  }

  private PdfPCell issuerBlock(Issuer issuer, Labels labels) {
    PdfPCell cell = borderless();
    byte[] logoPng = issuer.logoPng();
    if (logoPng != null) {
      Image logo = image(logoPng);
      logo.scaleToFit(LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT);
      logo.setSpacingAfter(6);
      cell.addElement(logo);
    }
    cell.addElement(paragraph(issuer.name(), issuerName));
    issuer.addressLines().forEach(line -> cell.addElement(paragraph(line, body)));
    if (!issuer.taxId().isBlank()) {
      cell.addElement(paragraph(labels.text("pdf.tax-id", issuer.taxId()), body));
    }
    cell.addElement(paragraph(labels.text("pdf.email", issuer.email()), body));
    return cell;
  }

  private void fact(PdfPTable facts, String name, String value) {
    PdfPCell nameCell = borderless(new Phrase(name, body));
    nameCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    facts.addCell(nameCell);
    PdfPCell valueCell = borderless(new Phrase(value, bodyBold));
    valueCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    facts.addCell(valueCell);
  }

  /** The client on the left; on a receipt copy the PAID stamp on the right, on a draft the DRAFT one. */
  private PdfPTable billToRow(InvoiceDocument invoice, Labels labels) {
    PdfPTable row = table(new float[] {60, 40});
    row.setSpacingBefore(22);
    row.addCell(billToBlock(invoice.billTo(), labels));
    PdfPCell right = borderless();
    if (invoice.paid() != null || invoice.draft()) {
      Color colour = invoice.draft() ? DRAFT_STAMP : STAMP;
      PdfPTable paidStamp = new PdfPTable(1);
      paidStamp.setWidthPercentage(70);
      paidStamp.setHorizontalAlignment(Element.ALIGN_RIGHT);
      PdfPCell stampCell =
          new PdfPCell(new Phrase(labels.text(invoice.draft() ? "pdf.draft-stamp" : "pdf.paid-stamp"),
              invoice.draft() ? draftStamp : stamp));
      stampCell.setBorderColor(colour);
      stampCell.setBorderWidth(3);
      stampCell.setHorizontalAlignment(Element.ALIGN_CENTER);
      stampCell.setPaddingTop(4);
      stampCell.setPaddingBottom(10);
      paidStamp.addCell(stampCell);
      right.addElement(paidStamp);
    }
    row.addCell(right);
    return row;
  }

  private PdfPCell billToBlock(BillTo billTo, Labels labels) {
    PdfPCell cell = borderless();
    cell.addElement(paragraph(labels.text("pdf.bill-to"), label));
    cell.addElement(paragraph(billTo.name(), clientName));
    billTo.addressLines().forEach(line -> cell.addElement(paragraph(line, body)));
    if (billTo.taxId() != null) {
      cell.addElement(paragraph(labels.text("pdf.tax-id", billTo.taxId()), body));
    }
    if (billTo.email() != null) {
      cell.addElement(paragraph(labels.text("pdf.email", billTo.email()), body));
    }
    return cell;
  }

  private PdfPTable lineItems(InvoiceDocument invoice, Labels labels) {
    PdfPTable items = table(new float[] {52, 12, 18, 18});
    items.setSpacingBefore(22);
    // Repeats the column titles on every page the table continues on.
    items.setHeaderRows(1);
    Color accent = accent(invoice);
    headerCell(items, labels.text("pdf.column.description"), Element.ALIGN_LEFT, accent);
    headerCell(items, labels.text("pdf.column.quantity"), Element.ALIGN_RIGHT, accent);
    headerCell(items, labels.text("pdf.column.unit-price"), Element.ALIGN_RIGHT, accent);
    headerCell(items, labels.text("pdf.column.amount"), Element.ALIGN_RIGHT, accent);
    for (Line line : invoice.lines()) {
      itemCell(items, line.description(), Element.ALIGN_LEFT);
      itemCell(items, quantity(line.quantity(), labels.locale), Element.ALIGN_RIGHT);
      itemCell(items, usdPrice(line.unitPriceUsd(), labels.locale), Element.ALIGN_RIGHT);
      itemCell(items, usd(line.amountUsd(), labels.locale), Element.ALIGN_RIGHT);
    }
    return items;
  }

  private void headerCell(PdfPTable items, String text, int alignment, Color accent) {
    PdfPCell cell = new PdfPCell(new Phrase(text, bodyBold));
    cell.setHorizontalAlignment(alignment);
    cell.setBackgroundColor(HEADER_FILL);
    cell.setBorder(Rectangle.NO_BORDER);
    if (accent != TEXT) {
      cell.setBorder(Rectangle.BOTTOM);
      cell.setBorderColorBottom(accent);
      cell.setBorderWidthBottom(1.5f);
    }
    cell.setPadding(5);
    items.addCell(cell);
  }

  private void itemCell(PdfPTable items, String text, int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(text, body));
    cell.setHorizontalAlignment(alignment);
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.5f);
    cell.setPadding(5);
    items.addCell(cell);
  }

  /**
   * Totals, payment record and payment instructions, kept on one page: the USD total, the amount to
   * pay and the QR code are read together, so they always appear on the invoice's last page.
   */
  private PdfPTable summary(InvoiceDocument invoice, float width, Labels labels) {
    PdfPTable summary = table(new float[] {100});
    summary.setKeepTogether(true);
    summary.addCell(borderless(totals(invoice, labels)));
    if (invoice.paid() != null) {
      // A receipt shows what was paid, and no instructions to pay again.
      summary.addCell(paymentReceived(invoice, width, labels));
    } else if (invoice.draft()) {
      summary.addCell(borderless(draftPaymentBox(invoice, labels)));
    } else {
      summary.addCell(borderless(paymentBox(invoice, width, labels)));
    }
    return summary;
  }

  private PdfPTable totals(InvoiceDocument invoice, Labels labels) {
    PdfPTable totals = new PdfPTable(new float[] {55, 45});
    totals.setWidthPercentage(45);
    totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
    totals.setSpacingBefore(8);
    totalRow(totals, labels.text("pdf.subtotal"), invoice.subtotalUsd(), body, labels);
    if (invoice.hasTax()) {
      totalRow(totals, taxLine(invoice, labels), invoice.taxAmountUsd(), body, labels);
    }
    totalRow(totals, labels.text("pdf.total"), invoice.totalUsd(), total, labels);
    return totals;
  }

  /** "VAT 10%", or just the label when no rate is given. */
  private static String taxLine(InvoiceDocument invoice, Labels labels) {
    String name = invoice.taxLabel() == null ? labels.text("pdf.tax") : invoice.taxLabel();
    return invoice.taxRatePercent() == null
        ? name
        : name + " " + invoice.taxRatePercent().stripTrailingZeros().toPlainString() + "%";
  }

  private void totalRow(PdfPTable totals, String name, BigDecimal amountUsd, Font font, Labels labels) {
    PdfPCell nameCell = borderless(new Phrase(name, font));
    nameCell.setPadding(4);
    totals.addCell(nameCell);
    PdfPCell amountCell = borderless(new Phrase(usd(amountUsd, labels.locale), font));
    amountCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    amountCell.setPadding(4);
    totals.addCell(amountCell);
  }

  /** The paid date and each counted payment: its hash, amount and confirmations. */
  private PdfPCell paymentReceived(InvoiceDocument invoice, float width, Labels labels) {
    Paid paid = invoice.paid();
    PdfPCell cell = borderless();
    cell.setPaddingTop(14);
    cell.addElement(paragraph(labels.text("pdf.payment-received"), clientName));
    cell.addElement(paragraph(labels.text("pdf.paid-on", labels.timestamp(paid.paidAt())), body));
    if (paid.transactions().isEmpty()) {
      cell.addElement(paragraph(labels.text("pdf.marked-paid", paid.note()), body));
    } else {
      cell.addElement(paragraph(labels.text(paid.transactions().size() == 1 ? "pdf.txid" : "pdf.txids"), label));
      for (InvoiceDocument.Transaction transaction : paid.transactions()) {
        cell.addElement(monospaced(transaction.txId(), width));
        Paragraph detail =
            paragraph(
                labels.text("pdf.payment-detail", coinAmount(invoice, transaction.amount()), invoice.currency().name(),
                    invoice.network().displayName(), transaction.confirmations()),
                body);
        detail.setSpacingAfter(6);
        cell.addElement(detail);
      }
    }
    return cell;
  }

  /** At the coin's precision (more digits, if the exchange reported more, are kept). */
  private static String coinAmount(InvoiceDocument invoice, BigDecimal amount) {
    int decimals = invoice.currency().decimals();
    return (amount.stripTrailingZeros().scale() <= decimals ? amount.setScale(decimals) : amount.stripTrailingZeros())
        .toPlainString();
  }

  /** The issuer's brand colour, or the text colour. */
  private static Color accent(InvoiceDocument invoice) {
    String brand = invoice.issuer().brandColor();
    return brand == null ? TEXT : Color.decode(brand);
  }

  private PdfPTable paymentBox(InvoiceDocument invoice, float width, Labels labels) {
    float qrColumnWidth = QR_SIZE_POINTS + 2 * PAYMENT_BOX_PADDING;
    PdfPTable box = new PdfPTable(new float[] {width - qrColumnWidth, qrColumnWidth});
    box.setWidthPercentage(100);
    box.setSpacingBefore(16);

    String coin = invoice.currency().name();
    String network = invoice.network().displayName();
    // Printed plain (no grouping) so it pastes into a wallet, and it is the amount in the QR code.
    BigDecimal amount = invoice.currency().exact(invoice.cryptoAmount());
    PdfPCell instructions = paymentCell();
    instructions.setBorder(Rectangle.LEFT | Rectangle.TOP | Rectangle.BOTTOM);
    instructions.addElement(paragraph(labels.text("pdf.pay-in", coin, network), payIn));
    String amountLineText = labels.text("pdf.amount-to-pay", amount.toPlainString(), coin);
    Paragraph amountLine = paragraph(amountLineText, amountToPay);
    amountLine.setSpacingBefore(6);
    instructions.addElement(amountLine);
    instructions.addElement(
        paragraph(
            labels.text("pdf.rate", coin, usdPrice(invoice.exchangeRate(), labels.locale),
                labels.timestamp(invoice.rateLockedAt())),
            body));
    Paragraph networkWarning = paragraph(labels.text("payment.wrong-network", coin, network), warning);
    networkWarning.setSpacingBefore(8);
    networkWarning.setSpacingAfter(8);
    instructions.addElement(networkWarning);
    float textWidth = width - qrColumnWidth - 2 * PAYMENT_BOX_PADDING;
    instructions.addElement(paragraph(labels.text("payment.deposit-address"), label));
    instructions.addElement(monospaced(invoice.depositAddress(), textWidth));
    if (invoice.depositMemo() != null) {
      instructions.addElement(paragraph(labels.text("payment.memo-required"), label));
      instructions.addElement(monospaced(invoice.depositMemo(), textWidth));
    }
    box.addCell(instructions);

    PdfPCell qr = paymentCell();
    qr.setBorder(Rectangle.RIGHT | Rectangle.TOP | Rectangle.BOTTOM);
    Image code =
        qrCode(PaymentUris.forPayment(invoice.network(), invoice.depositAddress(), amount));
    code.setAlignment(Image.ALIGN_CENTER);
    qr.addElement(code);
    if (PaymentUris.includesAmount(invoice.network())) {
      qr.addElement(caption(labels.text("pdf.scan-to-pay")));
    } else {
      qr.addElement(caption(labels.text("pdf.scan-address-only")));
      qr.addElement(caption(labels.text("pdf.type-amount")));
    }
    box.addCell(qr);
    return box;
  }

  /**
   * A draft's payment box: the coin and network, the amount at a rate estimate said to be one,
   * and no deposit address or QR code, which exist only once the invoice is sent: a preview must
   * never be payable.
   */
  private PdfPTable draftPaymentBox(InvoiceDocument invoice, Labels labels) {
    PdfPTable box = table(new float[] {100});
    box.setSpacingBefore(16);
    String coin = invoice.currency().name();
    PdfPCell cell = paymentCell();
    cell.setBorderColor(DRAFT_STAMP);
    cell.addElement(paragraph(labels.text("pdf.pay-in", coin, invoice.network().displayName()), payIn));
    if (invoice.hasEstimate()) {
      Paragraph amount =
          paragraph(labels.text("pdf.draft-amount", invoice.currency().exact(invoice.cryptoAmount()).toPlainString(), coin),
              amountToPay);
      amount.setSpacingBefore(6);
      cell.addElement(amount);
      cell.addElement(
          paragraph(
              labels.text("pdf.draft-rate", coin, usdPrice(invoice.exchangeRate(), labels.locale),
                  labels.timestamp(invoice.rateLockedAt())),
              body));
    } else {
      cell.addElement(paragraph(labels.text("pdf.draft-no-rate", coin), body));
    }
    Paragraph address = paragraph(labels.text("payment.deposit-address"), label);
    address.setSpacingBefore(8);
    cell.addElement(address);
    cell.addElement(paragraph(labels.text("pdf.draft-address"), bodyBold));
    box.addCell(cell);
    return box;
  }

  /** The payer's pay page, as a link: the PDF's reader can follow the payment there. */
  private Paragraph payLink(InvoiceDocument invoice, Labels labels) {
    Paragraph link = new Paragraph(body.getSize() * 1.3f);
    link.setSpacingBefore(8);
    link.add(new Chunk(labels.text("payment.pay-link") + ": ", bodyBold));
    Chunk url = new Chunk(invoice.payUrl(), new Font(regular, 9, Font.UNDERLINE, LINK));
    url.setAnchor(invoice.payUrl());
    link.add(url);
    return link;
  }

  private Paragraph caption(String text) {
    Paragraph caption = paragraph(text, small);
    caption.setAlignment(Element.ALIGN_CENTER);
    return caption;
  }

  private PdfPCell paymentCell() {
    PdfPCell cell = new PdfPCell();
    cell.setBorderColor(TEXT);
    cell.setBorderWidth(1);
    cell.setPadding(PAYMENT_BOX_PADDING);
    return cell;
  }

  /**
   * The QR code as a 1-bit image: no grey, so no blurred module edges, and a few kilobytes. Each
   * module is a whole number of pixels (ZXing pads the rest into the quiet zone).
   *
   * <p>Cheap because every invoice of an import renders one: a module is about 10 pixels tall, so
   * most pixel rows repeat the one above and are copied whole instead of packed pixel by pixel; and
   * the image is stored Flate-compressed as it is (an {@link ImgRaw}) rather than through OpenPDF's
   * CCITT G4 encoder, which took as long as the QR encoding itself on a 600-pixel code.
   */
  static Image qrCode(String payload) {
    BitMatrix modules = PaymentQrCode.modules(payload, QR_PIXELS);
    int size = modules.getWidth();
    int bytesPerRow = (size + 7) / 8;
    byte[] pixels = new byte[bytesPerRow * size];
    BitArray row = new BitArray(size);
    int[] previous = null;
    for (int y = 0; y < size; y++) {
      row = modules.getRow(y, row);
      int[] bits = row.getBitArray();
      if (previous != null && Arrays.equals(bits, previous)) {
        System.arraycopy(pixels, (y - 1) * bytesPerRow, pixels, y * bytesPerRow, bytesPerRow);
        continue;
      }
      // DeviceGray at 1 bit: 0 is black, 1 is white.
      for (int x = 0; x < size; x++) {
        if (!row.get(x)) {
          pixels[y * bytesPerRow + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
      previous = bits.clone();
    }
    try {
      Image image = new ImgRaw(size, size, 1, 1, pixels);
      image.scaleAbsolute(QR_SIZE_POINTS, QR_SIZE_POINTS);
      return image;
    } catch (BadElementException e) {
      throw new IllegalStateException("cannot make the QR image", e);
    }
  }

  /** Addresses and TxIDs in Courier on one line, shrunk to fit: a wrapped address gets mistyped. */
  private Paragraph monospaced(String text, float availableWidth) {
    float fittingSize = availableWidth / monospaced.getWidthPoint(text, 1);
    float size = Math.min(ADDRESS_MAX_FONT_SIZE, fittingSize);
    Font font = new Font(monospaced, size, Font.NORMAL, TEXT);
    Paragraph paragraph = paragraph(text, font);
    paragraph.setSpacingAfter(4);
    return paragraph;
  }

  /**
   * Heading and text as two top-level paragraphs: nested in one, they end with an empty line that,
   * on a full page, starts a blank page of its own.
   */
  private void addSection(Document document, String heading, String text) {
    Paragraph title = paragraph(heading, bodyBold);
    title.setSpacingBefore(14);
    document.add(title);
    document.add(paragraph(text, body));
  }

  private static PdfPTable table(float[] relativeWidths) {
    PdfPTable table = new PdfPTable(relativeWidths);
    table.setWidthPercentage(100);
    return table;
  }

  private static PdfPCell borderless() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }

  /** A cell holding a nested table, which keeps its own width, alignment and spacing. */
  private static PdfPCell borderless(PdfPTable nested) {
    PdfPCell cell = borderless();
    cell.addElement(nested);
    return cell;
  }

  private static PdfPCell borderless(Phrase phrase) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(2);
    return cell;
  }

  private static Paragraph paragraph(String text, Font font) {
    return new Paragraph(font.getSize() * 1.3f, text, font);
  }

  private static Image image(byte[] png) {
    try {
      return Image.getInstance(png);
    } catch (IOException e) {
      throw new IllegalArgumentException("issuer logo is not a readable image", e);
    }
  }

  private static BaseFont standardFont(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new IllegalStateException("standard PDF font " + name + " is missing from OpenPDF", e);
    }
  }

  /** "USD 5,000.00": exactly two decimals; more would be a rounding bug upstream, so it throws. */
  static String usd(BigDecimal amount) {
    return usd(amount, Locale.US);
  }

  /** The same in the locale's digits: "USD 5.000,00" in Spanish and Portuguese. */
  static String usd(BigDecimal amount, Locale locale) {
    return "USD " + grouped(amount, 2, 2, locale);
  }

  /** Unit prices and rates keep their sub-cent digits, e.g. "USD 0.0525" per kWh. */
  static String usdPrice(BigDecimal amount) {
    return usdPrice(amount, Locale.US);
  }

  static String usdPrice(BigDecimal amount, Locale locale) {
    return "USD " + grouped(amount, 2, Math.max(2, amount.stripTrailingZeros().scale()), locale);
  }

  static String quantity(BigDecimal quantity) {
    return quantity(quantity, Locale.US);
  }

  static String quantity(BigDecimal quantity, Locale locale) {
    return grouped(quantity, 0, Math.max(0, quantity.stripTrailingZeros().scale()), locale);
  }

  /** DecimalFormat formats a BigDecimal exactly; UNNECESSARY makes lost digits an error. */
  private static String grouped(BigDecimal value, int minFractionDigits, int maxFractionDigits, Locale locale) {
    // English documents keep the US digits they always had; es and pt write 5.000,00.
    Locale digits = locale.getLanguage().equals("en") ? Locale.US : locale;
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(digits));
    format.setMinimumFractionDigits(minFractionDigits);
    format.setMaximumFractionDigits(maxFractionDigits);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(value);
  }

  /** One render's wording and formats, in the document's language. */
  private static final class Labels {

    private final InvoicingMessages messages;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter timestamp;

    Labels(InvoicingMessages messages, Locale locale) {
      this.messages = messages;
      this.locale = locale;
      this.date = DateTimeFormatter.ofPattern(messages.get("pdf.date-pattern", locale), Locale.ROOT);
      this.timestamp =
          DateTimeFormatter.ofPattern(messages.get("pdf.timestamp-pattern", locale), Locale.ROOT)
              .withZone(ZoneOffset.UTC);
    }

    String text(String key, Object... args) {
      return messages.get(key, locale, args);
    }

    String date(java.time.LocalDate value) {
      return date.format(value);
    }

    String timestamp(java.time.Instant value) {
      return timestamp.format(value);
    }
  }

  /** A large, light "DRAFT" across every page, under the content so all of it stays legible. */
  private static final class DraftWatermark extends PdfPageEventHelper {

    private static final float FONT_SIZE = 110;

    private final BaseFont font;
    private final String text;

    DraftWatermark(BaseFont font, String text) {
      this.font = font;
      this.text = text;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      Rectangle page = document.getPageSize();
      PdfContentByte canvas = writer.getDirectContentUnder();
      canvas.saveState();
      canvas.beginText();
      canvas.setFontAndSize(font, FONT_SIZE);
      canvas.setColorFill(DRAFT_WATERMARK);
      canvas.showTextAligned(Element.ALIGN_CENTER, text, page.getWidth() / 2, page.getHeight() / 2, 45);
      canvas.endText();
      canvas.restoreState();
    }
  }

  /**
   * "Invoice X" on the left and "Page n of m" on the right of every page. m is unknown until the
   * last page is laid out, so every page shows the same template, filled in when the document
   * closes.
   */
  private static final class PageFooter extends PdfPageEventHelper {

    private static final float FONT_SIZE = 8;
    private static final float BASELINE_OFFSET = 2;

    private final BaseFont font;
    private final String footer;
    private final Labels labels;
    private final float totalPagesWidth;
    private PdfTemplate totalPages;
    private int lastPage;

    PageFooter(BaseFont font, String footer, Labels labels) {
      this.font = font;
      this.footer = footer;
      this.labels = labels;
      this.totalPagesWidth = font.getWidthPoint("9999", FONT_SIZE);
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      float height = FONT_SIZE + 2 * BASELINE_OFFSET;
      totalPages = writer.getDirectContent().createTemplate(totalPagesWidth, height);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      lastPage = writer.getPageNumber();
      String pageOf = labels.text("pdf.page-of", String.valueOf(lastPage)) + " ";
      float baseline = document.bottom() - 28;
      float pageOfWidth = font.getWidthPoint(pageOf, FONT_SIZE);
      float pageOfStart = document.right() - totalPagesWidth - pageOfWidth;
      PdfContentByte canvas = writer.getDirectContent();
      canvas.saveState();
      canvas.beginText();
      canvas.setFontAndSize(font, FONT_SIZE);
      canvas.setColorFill(MUTED);
      canvas.showTextAligned(
          Element.ALIGN_LEFT, footer, document.left(), baseline, 0);
      canvas.showTextAligned(Element.ALIGN_LEFT, pageOf, pageOfStart, baseline, 0);
      canvas.endText();
      canvas.addTemplate(totalPages, pageOfStart + pageOfWidth, baseline - BASELINE_OFFSET);
      canvas.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      totalPages.beginText();
      totalPages.setFontAndSize(font, FONT_SIZE);
      totalPages.setColorFill(MUTED);
      totalPages.setTextMatrix(0, BASELINE_OFFSET);
      totalPages.showText(String.valueOf(lastPage));
      totalPages.endText();
    }
  }
}
