package com.deltaenergy.invoicing.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.api.testing.NewTenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantLogo;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant admin's logo: uploaded, cleaned of everything that is not pixels, stored with its own
 * tenant only; and never a path on the server.
 */
class TenantLogoApiTest extends ApiTest {

  private static final String SCRIPT = "<script>alert(document.cookie)</script>";

  @Autowired TenantRepository tenants;
  @Autowired JdbcClient jdbc;

  private NewTenant tenant;

  @BeforeEach
  void aTenantWithItsAdminKey() throws Exception {
    tenant = NewTenant.create(api, "logo", "Logo Tenant", 'L');
  }

  @Test
  void aServerPathAsLogoIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> response =
        api.sendBytes("PUT", "/api/admin/tenant", tenant.adminKey(), "application/json",
            "{\"logo_path\": \"/etc/invoicing/other-tenant-logo.png\", \"issuer_tax_id\": \"T-1\"}".getBytes(StandardCharsets.UTF_8));

    JsonNode problem = problem(response, 400);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("logo_path");
    assertThat(problem.at("/errors/0/message").asText()).contains("PUT /api/admin/tenant/logo");
    // Nothing half-applied.
    assertThat(jdbc.sql("SELECT issuer_tax_id FROM tenants WHERE id = ?").param(tenant.id()).query(String.class).optional())
        .isEmpty();
    assertThat(
            api.sendBytes("POST", "/api/admin/tenants", TestApiKeys.ADMIN, "application/json",
                    "{\"slug\": \"path-x\", \"name\": \"X\", \"invoice_prefix\": \"PTHX\", \"settings\": {\"logo_path\": \"/x.png\"}}"
                        .getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(400);
    assertThat(jdbc.sql("SELECT count(*) FROM tenants WHERE slug = 'path-x'").query(Long.class).single()).isZero();
  }

  @Test
  void anEmptyUploadIsRefusedNamingTheFieldNotAsBadJson() throws Exception {
    HttpResponse<String> response = api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", new byte[0]);

    JsonNode problem = problem(response, 400);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("logo");
    assertThat(problem.at("/errors/0/message").asText()).contains("is required").doesNotContain("JSON");
    assertThat(tenants.logo(tenant.id())).isEmpty();
  }

  @Test
  void anUploadedPngIsStoredForItsTenantOnlyAndCanBeDeleted() throws Exception {
    BufferedImage original = picture(120, 40);
    HttpResponse<String> uploaded = api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", png(original));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(json.readTree(uploaded.body()).get("logo_set").asBoolean()).isTrue();
    assertThat(json.readTree(uploaded.body()).get("id").asLong()).isEqualTo(tenant.id());
    TenantLogo stored = tenants.logo(tenant.id()).orElseThrow();
    assertThat(stored.mediaType()).isEqualTo("image/png");
    assertSamePixels(ImageIO.read(new ByteArrayInputStream(stored.image())), original);
    assertThat(tenants.logo(1L)).as("the default tenant's logo").isEmpty();
    assertThat(json.readTree(api.sendBytes("GET", "/api/admin/tenant", TestApiKeys.ADMIN, null, null).body()).get("logo_set").asBoolean())
        .isFalse();

    HttpResponse<String> deleted = api.sendBytes("DELETE", "/api/admin/tenant/logo", tenant.adminKey(), null, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(json.readTree(deleted.body()).get("logo_set").asBoolean()).isFalse();
    assertThat(tenants.logo(tenant.id())).isEmpty();
  }

  @Test
  void aJpegWithAScriptInItsMetadataComesOutClean() throws Exception {
    BufferedImage original = picture(64, 64);
    byte[] jpeg = withJpegSegments(jpeg(original), SCRIPT);
    assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains(SCRIPT);

    HttpResponse<String> uploaded = api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/jpeg", jpeg);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    TenantLogo stored = tenants.logo(tenant.id()).orElseThrow();
    assertThat(stored.mediaType()).isEqualTo("image/jpeg");
    String storedText = new String(stored.image(), StandardCharsets.ISO_8859_1);
    assertThat(storedText).doesNotContain("script", "alert", "xmpmeta", "Exif");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored.image()));
    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(decoded.getHeight()).isEqualTo(64);
  }

  @Test
  void aPngWithAScriptInATextChunkComesOutClean() throws Exception {
    BufferedImage original = picture(50, 20);
    byte[] png = withPngTextChunk(png(original), "Comment", SCRIPT);
    assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains(SCRIPT);

    assertThat(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", png).statusCode()).isEqualTo(200);

    byte[] stored = tenants.logo(tenant.id()).orElseThrow().image();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("script", "tEXt");
    assertSamePixels(ImageIO.read(new ByteArrayInputStream(stored)), original);
  }

  @Test
  void anSvgIsRefused() throws Exception {
    byte[] svg =
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">" + SCRIPT + "</svg>").getBytes(StandardCharsets.UTF_8);

    problem(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/svg+xml", svg), 415);
    JsonNode disguised = problem(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", svg), 400);
    assertThat(disguised.at("/errors/0/field").asText()).isEqualTo("logo");
    assertThat(disguised.at("/errors/0/message").asText()).contains("PNG or JPEG");
    assertThat(tenants.logo(tenant.id())).isEmpty();
  }

  @Test
  void tooLargeFilesAndImagesAreRefused() throws Exception {
    assertThat(tenMegabyteUpload()).startsWith("HTTP/1.1 413").contains("application/problem+json");

    byte[] overTheLogoLimit = new byte[LogoImages.MAX_BYTES + 1];
    System.arraycopy(png(picture(2, 2)), 0, overTheLogoLimit, 0, 8);
    JsonNode tooBig = problem(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", overTheLogoLimit), 400);
    assertThat(tooBig.at("/errors/0/field").asText()).isEqualTo("logo");
    assertThat(tooBig.at("/errors/0/message").asText()).contains("512 KB");

    JsonNode tooWide = problem(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", png(picture(2001, 1))), 400);
    assertThat(tooWide.at("/errors/0/message").asText()).contains("2000×2000", "2001×1");

    byte[] truncated = java.util.Arrays.copyOf(png(picture(40, 40)), 60);
    assertThat(problem(api.sendBytes("PUT", "/api/admin/tenant/logo", tenant.adminKey(), "image/png", truncated), 400)
            .at("/errors/0/message").asText())
        .contains("not a readable PNG");
    assertThat(tenants.logo(tenant.id())).isEmpty();
  }

  @Test
  void onlyAnAdminKeyUploads() throws Exception {
    HttpResponse<String> issued =
        api.sendBytes("POST", "/api/admin/api-keys", tenant.adminKey(), "application/json",
            "{\"name\": \"writer\", \"scope\": \"write\"}".getBytes(StandardCharsets.UTF_8));
    String writeKey = json.readTree(issued.body()).get("key").asText();

    assertThat(api.sendBytes("PUT", "/api/admin/tenant/logo", writeKey, "image/png", png(picture(10, 10))).statusCode()).isEqualTo(403);
    assertThat(api.sendBytes("PUT", "/api/admin/tenant/logo", null, "image/png", png(picture(10, 10))).statusCode()).isEqualTo(401);
    assertThat(tenants.logo(tenant.id())).isEmpty();
  }

  /**
   * A 10 MB upload, over a plain socket: the server answers before the body is read (it says its
   * size), and an HTTP client still sending would see the connection closed, not the answer.
   */
  private String tenMegabyteUpload() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(("PUT /api/admin/tenant/logo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.adminKey()
              + "\r\nContent-Type: image/png\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(java.util.Arrays.copyOf(png(picture(2, 2)), 64 * 1024));
      out.flush();
      // The status line and headers: the server keeps the connection to drain the rest.
      var in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      return head.toString();
    }
  }

  /** A picture with distinct pixels, so a wrong copy shows. */
  private static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, new Color((x * 7) % 256, (y * 13) % 256, (x + y) % 256).getRGB());
      }
    }
    return image;
  }

  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int x = 0; x < expected.getWidth(); x++) {
      for (int y = 0; y < expected.getHeight(); y++) {
        assertThat(actual.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y) & 0xFFFFFF);
      }
    }
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** A comment, an XMP packet and an "Exif" segment carrying the text, right after the JPEG's start. */
  private static byte[] withJpegSegments(byte[] jpeg, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xFE, text.getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + text + "</x:xmpmeta>")
        .getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xE1, ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    out.write(jpeg, 2, jpeg.length - 2);
    // And after the end of the image.
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
  }

  /** A tEXt chunk right after IHDR (8 bytes of signature, 25 of IHDR). */
  private static byte[] withPngTextChunk(byte[] png, String keyword, String text) {
    byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
    byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    out.writeBytes(chunk.array());
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return json.readTree(response.body());
  }
}
