package com.deltaenergy.invoicing.activities.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@link java.util.ServiceLoader} on
 * every use: each body part written or parsed, each encoded header (jakartaee/mail-api#699, #861).
 * In a Spring Boot jar that lookup opens every nested jar, and the profile of the create path
 * (docs/BENCHMARKS.md, issue 14) found a quarter of the CPU in it, in the sender and in the
 * embedded SMTP server. The API reads a system property naming the provider before it scans, so
 * naming Angus Mail's provider there turns each lookup into a loaded-class lookup.
 */
@Component
public class MailStreamProviderShortcut {

  private static final Logger log = LoggerFactory.getLogger(MailStreamProviderShortcut.class);
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  public MailStreamProviderShortcut() {
    if (install()) {
      log.debug("Jakarta Mail's stream provider named: {}", ANGUS_PROVIDER);
    }
  }

  /** Names Angus Mail's provider; not if a provider is named already or Angus Mail is absent. */
  static boolean install() {
    if (System.getProperty(PROPERTY) != null) {
      return false;
    }
    try {
      Class.forName(ANGUS_PROVIDER, false, MailStreamProviderShortcut.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return false;
    }
    System.setProperty(PROPERTY, ANGUS_PROVIDER);
    return true;
  }
}
