package com.deltaenergy.invoicing.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class SharedFileTypesMessageHelperTest {

  private final Session session = Session.getInstance(new Properties());

  @Test
  void everyMessageUsesTheOneMapAndItStillKnowsFileTypes() throws Exception {
    SharedFileTypesMessageHelper first = new SharedFileTypesMessageHelper(new MimeMessage(session), true, "UTF-8");
    SharedFileTypesMessageHelper second = new SharedFileTypesMessageHelper(new MimeMessage(session), true, "UTF-8");

    assertThat(second.getFileTypeMap()).isSameAs(first.getFileTypeMap());
    assertThat(first.getFileTypeMap().getContentType("DPY-2026-11-0001.pdf")).isEqualTo("application/pdf");
    assertThat(first.getFileTypeMap().getContentType("logo.png")).isEqualTo("image/png");
  }

  @Test
  void aMessageBuiltWithItCarriesItsAttachmentWithTheTypeOfItsName() throws Exception {
    MimeMessage message = new MimeMessage(session);
    SharedFileTypesMessageHelper helper = new SharedFileTypesMessageHelper(message, true, "UTF-8");
    helper.setFrom("billing@example.com");
    helper.setTo("client@example.com");
    helper.setSubject("Invoice");
    helper.setText("text", "<p>html</p>");
    helper.addAttachment("DPY-2026-11-0001.pdf", new ByteArrayResource(new byte[] {'%', 'P', 'D', 'F'}));
    message.saveChanges();

    ByteArrayOutputStream written = new ByteArrayOutputStream();
    message.writeTo(written);
    assertThat(new String(written.toByteArray(), StandardCharsets.US_ASCII))
        .contains("Content-Type: application/pdf; name=DPY-2026-11-0001.pdf");
    assertThat(((MimeMultipart) message.getContent()).getCount()).isEqualTo(2);
  }
}
