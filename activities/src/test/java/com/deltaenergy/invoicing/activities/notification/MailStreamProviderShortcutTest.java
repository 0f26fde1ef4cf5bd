package com.deltaenergy.invoicing.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderShortcutTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(MailStreamProviderShortcut.PROPERTY);
    System.clearProperty(MailStreamProviderShortcut.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreamProviderShortcut.PROPERTY);
    } else {
      System.setProperty(MailStreamProviderShortcut.PROPERTY, before);
    }
  }

  @Test
  void namesAngusMailsProviderWhichTheMailApiThenUses() throws Exception {
    assertThat(MailStreamProviderShortcut.install()).isTrue();

    assertThat(System.getProperty(MailStreamProviderShortcut.PROPERTY))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    // A message with an attachment still writes and parses back whole.
    Session session = Session.getInstance(new Properties());
    MimeMessage message = new MimeMessage(session);
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Invoice DPY-2026-11-0001 ñ", "UTF-8");
    MimeBodyPart pdf = new MimeBodyPart();
    pdf.setContent(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}, "application/pdf");
    pdf.setFileName("invoice.pdf");
    parts.addBodyPart(text);
    parts.addBodyPart(pdf);
    message.setContent(parts);
    message.saveChanges();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    message.writeTo(written);

    MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(written.toByteArray()));
    MimeMultipart readParts = (MimeMultipart) read.getContent();
    assertThat(readParts.getCount()).isEqualTo(2);
    assertThat(readParts.getBodyPart(0).getContent()).isEqualTo("Invoice DPY-2026-11-0001 ñ");
    assertThat(readParts.getBodyPart(1).getFileName()).isEqualTo("invoice.pdf");
    assertThat(new String(written.toByteArray(), StandardCharsets.US_ASCII)).contains("base64");
  }

  @Test
  void leavesAProviderNamedAlreadyAlone() {
    System.setProperty(MailStreamProviderShortcut.PROPERTY, "com.example.OtherProvider");

    assertThat(MailStreamProviderShortcut.install()).isFalse();
    assertThat(System.getProperty(MailStreamProviderShortcut.PROPERTY)).isEqualTo("com.example.OtherProvider");
  }
}
