package com.deltaenergy.invoicing.activities.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A {@link MimeMessageHelper} sharing one file type map. For a message not made by the sender
 * itself (ours carry a fixed Message-ID), Spring's helper builds a new map for each message, which
 * reads mime.types and looks its registry up across every nested jar: 4 % of the CPU in the
 * create-path profile (docs/BENCHMARKS.md, issue 14). The map is only read once built.
 */
final class SharedFileTypesMessageHelper extends MimeMessageHelper {

  private static final FileTypeMap FILE_TYPES = fileTypes();

  SharedFileTypesMessageHelper(MimeMessage message, boolean multipart, String encoding) throws MessagingException {
    super(message, multipart, encoding);
  }

  @Override
  protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
    return FILE_TYPES;
  }

  private static FileTypeMap fileTypes() {
    ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
    map.afterPropertiesSet();
    return map;
  }
}
