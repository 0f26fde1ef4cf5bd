package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.persistence.tenant.TenantLogo;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded logo into one that is safe to store and embed: only a PNG or a JPEG (told by
 * its first bytes, not by what the client says it is), at most {@link #MAX_BYTES} and
 * {@link #MAX_EDGE} pixels a side (checked from the header, before the pixels are decoded), then
 * decoded and encoded again from its pixels alone, in the same format. What is not pixels does not
 * survive: metadata (EXIF, XMP, comments, text chunks), trailing data, anything smuggled in them.
 */
final class LogoImages {

  static final int MAX_BYTES = 512 * 1024;
  static final int MAX_EDGE = 2000;
  /** Re-encoding may grow an image a little; far beyond the upload limit it is not a logo. */
  static final int MAX_STORED_BYTES = 1024 * 1024;
  private static final String FIELD = "logo";

  private LogoImages() {}

  /** The logo as it is stored; refuses anything else with a 400 naming the field {@code logo}. */
  static TenantLogo clean(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new InvalidRequestException(FIELD, "is required: the PNG or JPEG image as the request body");
    }
    if (upload.length > MAX_BYTES) {
      throw new InvalidRequestException(FIELD, "must be at most 512 KB (" + MAX_BYTES + " bytes); it is " + upload.length);
    }
    String mediaType = mediaTypeOf(upload);
    BufferedImage pixels = decode(upload, mediaType);
    byte[] encoded = mediaType.equals(TenantLogo.PNG) ? png(pixels) : jpeg(pixels);
    if (encoded.length > MAX_STORED_BYTES) {
      throw new InvalidRequestException(FIELD, "is too large once re-encoded; save it with fewer pixels or colours");
    }
    return new TenantLogo(encoded, mediaType);
  }

  private static String mediaTypeOf(byte[] upload) {
    if (startsWith(upload, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return TenantLogo.PNG;
    }
    if (startsWith(upload, 0xFF, 0xD8, 0xFF)) {
      return TenantLogo.JPEG;
    }
    throw new InvalidRequestException(FIELD, "must be a PNG or JPEG image (SVG and other formats are not accepted)");
  }

  private static BufferedImage decode(byte[] upload, String mediaType) {
    String format = mediaType.equals(TenantLogo.PNG) ? "png" : "jpeg";
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      ImageReader reader = readers.next();
      try {
        // Metadata is neither needed nor trusted: the reader skips it.
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_EDGE || height > MAX_EDGE) {
          throw new InvalidRequestException(
              FIELD, "must be at most " + MAX_EDGE + "×" + MAX_EDGE + " pixels; it is " + width + "×" + height);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidRequestException refused) {
        throw refused;
      }
      throw new InvalidRequestException(FIELD, "is not a readable " + format.toUpperCase(java.util.Locale.ROOT) + " image");
    }
  }

  /** Pixels into a plain RGB(A) raster, so the encoder sees nothing but them. */
  private static BufferedImage redraw(BufferedImage source, boolean alpha) {
    BufferedImage target =
        new BufferedImage(source.getWidth(), source.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      if (!alpha) {
        // A JPEG has no transparency: what was transparent becomes white, not black.
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, target.getWidth(), target.getHeight());
      }
      g.drawImage(source, 0, 0, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static byte[] png(BufferedImage pixels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(redraw(pixels, pixels.getColorModel().hasAlpha()), "png", out)) {
        throw new IllegalStateException("no PNG encoder");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the logo as PNG", e);
    }
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage pixels) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      // High quality: a logo's edges and flat colours show JPEG artefacts first. A literal, not a
      // field: ArchitectureTest allows no float fields here (money is never a float).
      param.setCompressionQuality(0.9f);
      // No metadata passed: the encoder writes the bare JFIF header and the pixels.
      writer.write(null, new IIOImage(redraw(pixels, false), null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the logo as JPEG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
