package com.deltaenergy.invoicing.api.pay;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.payment.PaymentQrCode;
import com.google.zxing.common.BitMatrix;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The payer's page for one invoice, public at /pay/{token}, and what it loads: its live status
 * fragment, the payment QR code, the PDFs and the issuer's logo. An unknown (or regenerated) token
 * gets the same 404 page on every path.
 */
@Hidden
@RestController
public class PayPageController {

  /** The QR image's edge in pixels: sharp on a phone at 2-3x and small (a 1-bit PNG). */
  private static final int QR_PIXELS = 480;

  static final String SERVER_TIMING = "Server-Timing";

  private final PayPages pages;
  private final ITemplateEngine templates;

  public PayPageController(PayPages pages, ITemplateEngine templates) {
    this.pages = pages;
    this.templates = templates;
  }

  @GetMapping("/pay/{token}")
  ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
    Optional<PayPages.Opened> opened = pages.open(token);
    if (opened.isEmpty()) {
      return notFound(request);
    }
    return html(HttpStatus.OK, render("pay/page", null, token, opened.get(), request), request);
  }

  /**
   * The live part of the page, polled by htmx. {@code v} is the version the page shows: while it is
   * still current the answer is 204 (htmx swaps nothing) after one indexed read.
   */
  @GetMapping("/pay/{token}/status")
  ResponseEntity<String> status(
      @PathVariable String token, @RequestParam(required = false) String v, HttpServletRequest request) {
    if (v != null) {
      Optional<String> current = pages.currentVersion(token);
      if (current.isEmpty()) {
        return notFound(request);
      }
      if (current.get().equals(v)) {
        return ResponseEntity.noContent().header(SERVER_TIMING, serverTiming(request)).build();
      }
    }
    Optional<PayPages.Opened> opened = pages.open(token);
    if (opened.isEmpty()) {
      return notFound(request);
    }
    return html(HttpStatus.OK, render("pay/status", "status", token, opened.get(), request), request);
  }

  @GetMapping("/pay/{token}/qr.png")
  ResponseEntity<?> qr(@PathVariable String token, HttpServletRequest request) {
    Optional<String> payload = pages.open(token).flatMap(opened -> pages.qrPayload(opened.invoice()));
    if (payload.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.IMAGE_PNG).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(png(PaymentQrCode.modules(payload.get(), QR_PIXELS)));
  }

  @GetMapping("/pay/{token}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String token) {
    return pages.open(token)
        .flatMap(opened -> pages.logo(opened.invoice()))
        .map(logo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType())).body(logo.bytes()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }

  @GetMapping("/pay/{token}/invoice.pdf")
  ResponseEntity<?> invoicePdf(@PathVariable String token, HttpServletRequest request) {
    return pdf(token, false, request);
  }

  @GetMapping("/pay/{token}/receipt.pdf")
  ResponseEntity<?> receiptPdf(@PathVariable String token, HttpServletRequest request) {
    return pdf(token, true, request);
  }

  private ResponseEntity<?> pdf(String token, boolean receipt, HttpServletRequest request) {
    Optional<PayPages.Opened> opened = pages.open(token);
    if (opened.isEmpty()) {
      return notFound(request);
    }
    InvoiceRecord invoice = opened.get().invoice();
    String path = receipt ? invoice.progress().receiptPath() : invoice.progress().pdfPath();
    if (path == null || !Files.isReadable(Path.of(path))) {
      return notFound(request);
    }
    String fileName = invoice.invoiceNumber() + (receipt ? "-paid" : "") + ".pdf";
    Resource file = new FileSystemResource(path);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(file);
  }

  private String render(
      String template, String fragment, String token, PayPages.Opened opened, HttpServletRequest request) {
    Locale locale = PayLocales.resolve(request, opened.clientLanguage());
    Context context = new Context(locale);
    context.setVariable("pay", pages.view(token, opened.invoice(), locale));
    context.setVariable("languages", PayLocales.SUPPORTED);
    return fragment == null
        ? templates.process(template, context)
        : templates.process(template, Set.of(fragment), context);
  }

  private ResponseEntity<String> notFound(HttpServletRequest request) {
    Context context = new Context(PayLocales.resolve(request, null));
    return html(HttpStatus.NOT_FOUND, templates.process("pay/not-found", context), request);
  }

  private static ResponseEntity<String> html(HttpStatus status, String body, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header(SERVER_TIMING, serverTiming(request))
        .body(body);
  }

  /** The time spent on the request so far, as a Server-Timing entry (what the benchmark reads). */
  private static String serverTiming(HttpServletRequest request) {
    Object started = request.getAttribute(PaySecurityHeadersFilter.STARTED);
    long nanos = started instanceof Long start ? System.nanoTime() - start : 0;
    return "app;dur=" + String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }

  static byte[] png(BitMatrix modules) {
    int size = modules.getWidth();
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, modules.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

}
