package com.deltaenergy.invoicing.workflows.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The payment QR code's modules for a {@link PaymentUris} payload: one encoding for the PDF and the
 * payer's web page, so both show the same code.
 */
public final class PaymentQrCode {

  /** Error correction M survives a smudge or fold and keeps the code small enough to scan. */
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);

  private PaymentQrCode() {}

  /**
   * The code as a square matrix of about {@code pixels} per side (true = dark); each module is a
   * whole number of pixels, ZXing pads the rest into the quiet zone.
   */
  public static BitMatrix modules(String payload, int pixels) {
    try {
      return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, pixels, pixels, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode payment QR code for " + payload, e);
    }
  }
}
