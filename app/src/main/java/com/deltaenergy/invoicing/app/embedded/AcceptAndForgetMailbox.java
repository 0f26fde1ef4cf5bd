package com.deltaenergy.invoicing.app.embedded;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the in-process SMTP server delivers every message it accepted: nowhere. The embedded
 * server speaks SMTP only and nothing reads its mailboxes (the sender keeps each mail as an .eml
 * file in the outbox). Stored, GreenMail held every message in memory, PDF included, and parsed
 * each one's MIME tree for IMAP: hundreds of MiB of heap with 10,000 open invoices (issue 14), and
 * during a 1,000-row import the parse and its compilation took CPU that issuing needed (issue 15).
 * The SMTP conversation is unchanged: the message is read whole before the server answers 250.
 */
final class AcceptAndForgetMailbox implements GreenMailUser {

  private final String email;

  AcceptAndForgetMailbox(String email) {
    this.email = email;
  }

  @Override
  public String getEmail() {
    return email;
  }

  @Override
  public String getLogin() {
    return email;
  }

  @Override
  public void deliver(MovingMessage message) {
    // Accepted and forgotten, see the class comment.
  }

  @Override
  public void deliver(MimeMessage message) {
    // Accepted and forgotten, see the class comment.
  }

  @Override
  public void create() {}

  @Override
  public void delete() {}

  @Override
  public String getPassword() {
    return "";
  }

  @Override
  public void setPassword(String password) {}

  @Override
  public void authenticate(String password) {}

  @Override
  public String getQualifiedMailboxName() {
    return email;
  }
}
