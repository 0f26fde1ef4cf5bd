package com.deltaenergy.invoicing.app.embedded;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Empties the in-process SMTP server's mailboxes. It keeps every message it accepts in memory, PDF
 * included, and nothing reads them there (it speaks SMTP only; the sender keeps each mail as an
 * .eml file in the outbox): with 10,000 open invoices that was hundreds of MiB of the embedded
 * JVM's heap (issue 14).
 */
public class EmbeddedMailboxPurge {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailboxPurge.class);

  private final GreenMail server;

  public EmbeddedMailboxPurge(GreenMail server) {
    this.server = server;
  }

  @Scheduled(
      fixedDelayString = "${invoicing.notifications.embedded-mailbox-purge-interval:60s}",
      initialDelayString = "${invoicing.notifications.embedded-mailbox-purge-interval:60s}")
  public void purge() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException | RuntimeException e) {
      log.warn("Could not empty the embedded SMTP server's mailboxes: {}", e.toString());
    }
  }
}
