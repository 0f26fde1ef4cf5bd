package com.deltaenergy.invoicing.bench.smtp;

import com.deltaenergy.invoicing.bench.support.Options;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 for the fault suite, which stops and starts it. Every
 * message it accepts is appended to a log file, one line per recipient: time, Message-ID,
 * recipient, subject (tab-separated), written and synced before the server answers 250 to the
 * DATA command. The log outlives restarts, so duplicates are counted across them.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar com.deltaenergy.invoicing.bench.smtp.SmtpSink
 * --port 3025 --log received.tsv}
 */
public final class SmtpSink {

  private SmtpSink() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int port = options.intValue("port", 3025);
    Path log = Path.of(options.require("log"));
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    UserManager users = server.getUserManager();
    MessageDeliveryHandler store = users.getMessageDeliveryHandler();
    FileOutputStream out = new FileOutputStream(log.toFile(), true);
    users.setMessageDeliveryHandler(
        (message, recipient) -> {
          record(out, message.getMessage(), recipient.getEmail());
          return store.handle(message, recipient);
        });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                }));
    System.out.println("SMTP READY 127.0.0.1:" + port + " logging to " + log);
    System.out.flush();
    stopped.await();
  }

  private static synchronized void record(FileOutputStream out, MimeMessage message, String recipient)
      throws MessagingException {
    String line =
        System.currentTimeMillis() + "\t" + clean(message.getMessageID()) + "\t" + clean(recipient) + "\t"
            + clean(message.getSubject()) + "\n";
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.getFD().sync();
    } catch (IOException e) {
      // Not recorded means not accepted: the sender gets an error and tries again.
      throw new MessagingException("could not record the message: " + e.getMessage(), e);
    }
  }

  private static String clean(String value) {
    return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
