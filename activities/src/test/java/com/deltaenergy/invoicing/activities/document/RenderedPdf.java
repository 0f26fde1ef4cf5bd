package com.deltaenergy.invoicing.activities.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF read back the way a person sees it: text per page, images, the QR code. */
final class RenderedPdf {

  private final List<String> pageTexts = new ArrayList<>();
  private final List<Integer> pageImageCounts = new ArrayList<>();
  private final BufferedImage firstPage;

  RenderedPdf(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      // Lines as they appear on the page, whatever order the content stream drew them in.
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pageTexts.add(stripper.getText(document));
        pageImageCounts.add(imageCount(document.getPage(page - 1)));
      }
      firstPage = new PDFRenderer(document).renderImageWithDPI(0, 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of page 1 by the colour (as "#rrggbb") it is drawn in. Read from the graphics state
   * while the page is parsed, as a viewer paints it.
   */
  static java.util.Map<String, String> textByColour(byte[] pdf) {
    java.util.Map<String, StringBuilder> texts = new java.util.TreeMap<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            {
              // the text stripper leaves colours out of its graphics state unless told to track them
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor(this));
            }

            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
              super.processTextPosition(text);
              try {
                String colour = String.format("#%06x", getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF);
                texts.computeIfAbsent(colour, k -> new StringBuilder()).append(text.getUnicode());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          };
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.Map<String, String> result = new java.util.TreeMap<>();
    texts.forEach((colour, text) -> result.put(colour, text.toString()));
    return result;
  }

  int pageCount() {
    return pageTexts.size();
  }

  /** The text of page {@code page} (1-based). */
  String page(int page) {
    return pageTexts.get(page - 1);
  }

  /** All text, pages in order. */
  String text() {
    return String.join("", pageTexts);
  }

  /** Every text line of every page, trimmed. */
  List<String> lines() {
    return Arrays.stream(text().split("\n")).map(String::strip).toList();
  }

  List<String> lines(int page) {
    return Arrays.stream(page(page).split("\n")).map(String::strip).toList();
  }

  int imageCount(int page) {
    return pageImageCounts.get(page - 1);
  }

  /** Decodes the QR code on page 1 from a 200 dpi raster, as a phone camera would see it. */
  String qrCodeOnFirstPage() {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(firstPage)));
    try {
      return new QRCodeReader()
          .decode(
              bitmap,
              Map.of(
                  DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                  DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    } catch (NotFoundException e) {
      throw new AssertionError("no QR code found on page 1", e);
    } catch (ReaderException e) {
      throw new AssertionError("QR code on page 1 cannot be read", e);
    }
  }

  private static int imageCount(PDPage page) throws IOException {
    int images = 0;
    for (COSName name : page.getResources().getXObjectNames()) {
      if (page.getResources().getXObject(name) instanceof PDImageXObject) {
        images++;
      }
    }
    return images;
  }
}
