package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument.BillTo;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Issuer;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Line;
import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Paid;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
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
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

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

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Error correction M survives a smudge or fold and keeps the code small enough to scan. */
  private static final Map<EncodeHintType, Object> QR_HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);

  private final QRCodeWriter qrCodeWriter = new QRCodeWriter();
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
  private final Font title = new Font(bold, 26, Font.NORMAL, TEXT);
  private final Font total = new Font(bold, 11, Font.NORMAL, TEXT);
  private final Font payIn = new Font(bold, 16, Font.NORMAL, TEXT);
  private final Font amountToPay = new Font(bold, 13, Font.NORMAL, TEXT);
  private final Font warning = new Font(bold, 9.5f, Font.NORMAL, WARNING);
  private final Font stamp = new Font(bold, 28, Font.NORMAL, STAMP);

  public byte[] render(InvoiceDocument invoice) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_MARGIN);
    PdfWriter writer = PdfWriter.getInstance(document, pdf);
    writer.setPageEvent(new PageFooter(regular, invoice.invoiceNumber()));
    document.addTitle("Invoice " + invoice.invoiceNumber());
    document.addAuthor(invoice.issuer().name());
    document.open();
    document.add(header(invoice));
    document.add(billToRow(invoice));
    document.add(lineItems(invoice));
    document.add(summary(invoice, document.right() - document.left()));
    if (invoice.terms() != null) {
      addSection(document, "Terms", invoice.terms());
    }
    if (invoice.notes() != null) {
      addSection(document, "Notes", invoice.notes());
    }
    document.close();
    return pdf.toByteArray();
  }

  private PdfPTable header(InvoiceDocument invoice) {
    PdfPTable header = table(new float[] {55, 45});
    header.addCell(issuerBlock(invoice.issuer()));

    PdfPCell right = borderless();
    // The tenant's brand colour, when it has one, marks the title and the line items' header.
    Paragraph heading = paragraph("INVOICE", new Font(bold, 26, Font.NORMAL, accent(invoice)));
    heading.setAlignment(Element.ALIGN_RIGHT);
    heading.setSpacingAfter(6);
    right.addElement(heading);
    PdfPTable facts = table(new float[] {50, 50});
    fact(facts, "Invoice number", invoice.invoiceNumber());
    fact(facts, "Issue date", DATE.format(invoice.issueDate()));
    fact(facts, "Due date", DATE.format(invoice.dueDate()));
    fact(facts, "Billing period", invoice.billingPeriod());
    right.addElement(facts);
    header.addCell(right);
    return header;
  }

  private PdfPCell issuerBlock(Issuer issuer) {
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
      cell.addElement(paragraph("Tax ID: " + issuer.taxId(), body));
    }
    cell.addElement(paragraph("E-mail: " + issuer.email(), body));
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

  /** The client on the left; on a receipt copy, the PAID stamp on the right. */
  private PdfPTable billToRow(InvoiceDocument invoice) {
    PdfPTable row = table(new float[] {60, 40});
    row.setSpacingBefore(22);
    row.addCell(billToBlock(invoice.billTo()));
    PdfPCell right = borderless();
    if (invoice.paid() != null) {
      PdfPTable paidStamp = new PdfPTable(1);
      paidStamp.setWidthPercentage(70);
      paidStamp.setHorizontalAlignment(Element.ALIGN_RIGHT);
      PdfPCell stampCell = new PdfPCell(new Phrase("PAID", stamp));
      stampCell.setBorderColor(STAMP);
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

  private PdfPCell billToBlock(BillTo billTo) {
    PdfPCell cell = borderless();
    cell.addElement(paragraph("BILL TO", label));
    cell.addElement(paragraph(billTo.name(), clientName));
    billTo.addressLines().forEach(line -> cell.addElement(paragraph(line, body)));
    if (billTo.taxId() != null) {
      cell.addElement(paragraph("Tax ID: " + billTo.taxId(), body));
    }
    if (billTo.email() != null) {
      cell.addElement(paragraph("E-mail: " + billTo.email(), body));
    }
    return cell;
  }

  private PdfPTable lineItems(InvoiceDocument invoice) {
    PdfPTable items = table(new float[] {52, 12, 18, 18});
    items.setSpacingBefore(22);
    // Repeats the column titles on every page the table continues on.
    items.setHeaderRows(1);
    Color accent = accent(invoice);
    headerCell(items, "Description", Element.ALIGN_LEFT, accent);
    headerCell(items, "Qty", Element.ALIGN_RIGHT, accent);
    headerCell(items, "Unit price", Element.ALIGN_RIGHT, accent);
    headerCell(items, "Amount", Element.ALIGN_RIGHT, accent);
    for (Line line : invoice.lines()) {
      itemCell(items, line.description(), Element.ALIGN_LEFT);
      itemCell(items, quantity(line.quantity()), Element.ALIGN_RIGHT);
      itemCell(items, usdPrice(line.unitPriceUsd()), Element.ALIGN_RIGHT);
      itemCell(items, usd(line.amountUsd()), Element.ALIGN_RIGHT);
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
  private PdfPTable summary(InvoiceDocument invoice, float width) {
    PdfPTable summary = table(new float[] {100});
    summary.setKeepTogether(true);
    summary.addCell(borderless(totals(invoice)));
    if (invoice.paid() != null) {
      // A receipt shows what was paid, and no instructions to pay again.
      summary.addCell(paymentReceived(invoice, width));
    } else {
      summary.addCell(borderless(paymentBox(invoice, width)));
    }
    return summary;
  }

  private PdfPTable totals(InvoiceDocument invoice) {
    PdfPTable totals = new PdfPTable(new float[] {55, 45});
    totals.setWidthPercentage(45);
    totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
    totals.setSpacingBefore(8);
    totalRow(totals, "Subtotal", invoice.subtotalUsd(), body);
    if (invoice.hasTax()) {
      totalRow(totals, taxLine(invoice), invoice.taxAmountUsd(), body);
    }
    totalRow(totals, "Total", invoice.totalUsd(), total);
    return totals;
  }

  /** "VAT 10%", or just the label when no rate is given. */
  private static String taxLine(InvoiceDocument invoice) {
    String name = invoice.taxLabel() == null ? "Tax" : invoice.taxLabel();
    return invoice.taxRatePercent() == null
        ? name
        : name + " " + invoice.taxRatePercent().stripTrailingZeros().toPlainString() + "%";
  }

  private void totalRow(PdfPTable totals, String name, BigDecimal amountUsd, Font font) {
    PdfPCell nameCell = borderless(new Phrase(name, font));
    nameCell.setPadding(4);
    totals.addCell(nameCell);
    PdfPCell amountCell = borderless(new Phrase(usd(amountUsd), font));
    amountCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    amountCell.setPadding(4);
    totals.addCell(amountCell);
  }

  /** The paid date and each counted payment: its hash, amount and confirmations. */
  private PdfPCell paymentReceived(InvoiceDocument invoice, float width) {
    Paid paid = invoice.paid();
    PdfPCell cell = borderless();
    cell.setPaddingTop(14);
    cell.addElement(paragraph("Payment received", clientName));
    cell.addElement(paragraph("Paid on " + TIMESTAMP.format(paid.paidAt()), body));
    if (paid.transactions().isEmpty()) {
      cell.addElement(paragraph("Marked paid by an operator: " + paid.note(), body));
    } else {
      cell.addElement(paragraph(paid.transactions().size() == 1 ? "TxID" : "TxIDs", label));
      String coinOnNetwork = invoice.currency() + " on " + invoice.network().displayName();
      for (InvoiceDocument.Transaction transaction : paid.transactions()) {
        cell.addElement(monospaced(transaction.txId(), width));
        Paragraph detail =
            paragraph(
                coinAmount(invoice, transaction.amount()) + " " + coinOnNetwork + ", "
                    + transaction.confirmations() + (transaction.confirmations() == 1 ? " confirmation" : " confirmations"),
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

  private PdfPTable paymentBox(InvoiceDocument invoice, float width) {
    float qrColumnWidth = QR_SIZE_POINTS + 2 * PAYMENT_BOX_PADDING;
    PdfPTable box = new PdfPTable(new float[] {width - qrColumnWidth, qrColumnWidth});
    box.setWidthPercentage(100);
    box.setSpacingBefore(16);

    String coinOnNetwork = invoice.currency() + " on " + invoice.network().displayName();
    // Printed plain (no grouping) so it pastes into a wallet, and it is the amount in the QR code.
    BigDecimal amount = invoice.currency().exact(invoice.cryptoAmount());
    PdfPCell instructions = paymentCell();
    instructions.setBorder(Rectangle.LEFT | Rectangle.TOP | Rectangle.BOTTOM);
    instructions.addElement(paragraph("Pay in " + coinOnNetwork, payIn));
    String amountLineText = "Amount to pay: " + amount.toPlainString() + " " + invoice.currency();
    Paragraph amountLine = paragraph(amountLineText, amountToPay);
    amountLine.setSpacingBefore(6);
    instructions.addElement(amountLine);
    instructions.addElement(
        paragraph(
            "1 " + invoice.currency() + " = " + usdPrice(invoice.exchangeRate())
                + ", locked " + TIMESTAMP.format(invoice.rateLockedAt()),
            body));
    Paragraph networkWarning =
        paragraph(
            "Send " + coinOnNetwork + " only. Funds sent on any other network are lost"
                + " and cannot be recovered.",
            warning);
    networkWarning.setSpacingBefore(8);
    networkWarning.setSpacingAfter(8);
    instructions.addElement(networkWarning);
    float textWidth = width - qrColumnWidth - 2 * PAYMENT_BOX_PADDING;
    instructions.addElement(paragraph("Deposit address", label));
    instructions.addElement(monospaced(invoice.depositAddress(), textWidth));
    if (invoice.depositMemo() != null) {
      instructions.addElement(paragraph("Memo / tag (required)", label));
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
      qr.addElement(caption("Scan to pay"));
    } else {
      qr.addElement(caption("Scan for the address only"));
      qr.addElement(caption("Type the amount by hand"));
    }
    box.addCell(qr);
    return box;
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
   */
  private Image qrCode(String payload) {
    BitMatrix modules;
    try {
      modules = qrCodeWriter.encode(payload, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS, QR_HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode payment QR code for " + payload, e);
    }
    int size = modules.getWidth();
    int bytesPerRow = (size + 7) / 8;
    byte[] pixels = new byte[bytesPerRow * size];
    // DeviceGray at 1 bit: 0 is black, 1 is white.
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (!modules.get(x, y)) {
          pixels[y * bytesPerRow + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    Image image = Image.getInstance(size, size, 1, 1, pixels);
    image.scaleAbsolute(QR_SIZE_POINTS, QR_SIZE_POINTS);
    return image;
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
    return "USD " + grouped(amount, 2, 2);
  }

  /** Unit prices and rates keep their sub-cent digits, e.g. "USD 0.0525" per kWh. */
  static String usdPrice(BigDecimal amount) {
    return "USD " + grouped(amount, 2, Math.max(2, amount.stripTrailingZeros().scale()));
  }

  static String quantity(BigDecimal quantity) {
    return grouped(quantity, 0, Math.max(0, quantity.stripTrailingZeros().scale()));
  }

  /** DecimalFormat formats a BigDecimal exactly; UNNECESSARY makes lost digits an error. */
  private static String grouped(BigDecimal value, int minFractionDigits, int maxFractionDigits) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    format.setMinimumFractionDigits(minFractionDigits);
    format.setMaximumFractionDigits(maxFractionDigits);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(value);
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
    private final String invoiceNumber;
    private final float totalPagesWidth;
    private PdfTemplate totalPages;
    private int lastPage;

    PageFooter(BaseFont font, String invoiceNumber) {
      this.font = font;
      this.invoiceNumber = invoiceNumber;
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
      String pageOf = "Page " + lastPage + " of ";
      float baseline = document.bottom() - 28;
      float pageOfWidth = font.getWidthPoint(pageOf, FONT_SIZE);
      float pageOfStart = document.right() - totalPagesWidth - pageOfWidth;
      PdfContentByte canvas = writer.getDirectContent();
      canvas.saveState();
      canvas.beginText();
      canvas.setFontAndSize(font, FONT_SIZE);
      canvas.setColorFill(MUTED);
      canvas.showTextAligned(
          Element.ALIGN_LEFT, "Invoice " + invoiceNumber, document.left(), baseline, 0);
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
