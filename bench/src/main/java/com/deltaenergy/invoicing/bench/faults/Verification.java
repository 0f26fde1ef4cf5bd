package com.deltaenergy.invoicing.bench.faults;

import com.deltaenergy.invoicing.bench.faults.FaultProbe.Line;
import com.deltaenergy.invoicing.bench.support.InvoicingClient;
import com.deltaenergy.invoicing.bench.support.InvoicingClient.Invoice;
import com.deltaenergy.invoicing.bench.support.Options;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a fault scenario: every invoice checked against what must hold, and the scenario's one-line
 * summary printed. Per invoice: the expected final state (complete when paid, cancelled when
 * cancelled); its payment counted (a sandbox deposit to its address that the invoice does not
 * count is a lost payment); every e-mail recorded for it sent, and received by the SMTP server
 * exactly once (by Message-ID and recipient, and by idempotency key); booked in the CFO ledger
 * exactly once when complete, never when cancelled; when its ledger line names an exchange, its
 * address issued there. Across the run: no idempotency key recorded
 * twice, no ledger Identifier booked twice, and (with --rate-limit) no MEXC endpoint called more
 * often than the limit in any window.
 */
final class Verification {

  /** A kill this close to the server accepting a mail can have cut off the sender's record of it. */
  static final long SEND_WINDOW_MS = 1_000;

  private final InvoicingClient client;
  private final Options options;
  private final Map<Mail, List<Long>> receivedAt = new HashMap<>();
  private List<Long> killTimes = List.of();

  Verification(InvoicingClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  private record Mail(String messageId, String recipient) {}

  private record Notification(String key, String channel, String status, String messageId, String recipient) {}

  /** What the scenario left behind, read once and then checked invoice by invoice. */
  private record Evidence(
      Map<Mail, Integer> received,
      Map<Long, List<Notification>> notifications,
      Map<String, Integer> keys,
      Map<String, Integer> ledgerRows,
      Set<Mail> ours) {}

  /** The counts the summary line reports. */
  private static final class Tally {
    int passed;
    int failed;
    int lost;
    int wrongState;
    int undelivered;
    int duplicateByMessageId;
    int duplicateByKey;
    int duplicateLedger;
    int unbooked;
    int wrongProvider;
    int mails;
    int resentInDoubt;
  }

  int run() throws Exception {
    String name = options.get("name", "faults");
    List<Line> lines = Line.read(Path.of(options.require("ledger")));
    awaitMailSettled(lines);
    killTimes = readKillTimes(options.get("kill-times", null));
    Map<Mail, Integer> received = receivedMail(Path.of(options.require("smtp-log")));
    Map<Long, List<Notification>> notifications = new HashMap<>();
    Map<String, Integer> keys = new HashMap<>();
    readNotifications(notifications, keys);
    Evidence evidence = new Evidence(received, notifications, keys, ledgerRows(), new HashSet<>());
    String ids = String.join(",", lines.stream().map(l -> String.valueOf(l.id())).toList());
    long retriedMail = ids.isEmpty() ? 0 : count("SELECT count(*) FROM notifications WHERE attempts > 1 AND invoice_id IN (" + ids + ")");
    long retriedSync = ids.isEmpty() ? 0 : count("SELECT count(*) FROM crypto_invoice_cfo_sync WHERE retry_count > 0 AND invoice_id IN (" + ids + ")");

    Tally tally = new Tally();
    tally.duplicateByKey = (int) keys.values().stream().filter(c -> c > 1).count();
    tally.duplicateLedger = (int) evidence.ledgerRows().values().stream().filter(c -> c > 1).count();
    for (Line line : lines) {
      checkInvoice(line, evidence, tally);
    }
    checkMailOfNoInvoice(evidence, tally);
    if (tally.duplicateByKey > 0 || tally.duplicateLedger > 0) {
      tally.failed++;
    }
    String rate = options.has("rate-limit") ? checkRateLimit(tally) : "";
    System.out.printf(
        "%s: %d passed, %d failed; invoices %d, kills %s, e-mails %d, duplicate e-mails %d by Message-ID / %d by"
            + " idempotency key, undelivered %d, duplicate ledger rows %d, unbooked %d, wrong state %d, lost payments %d,"
            + " issued on the wrong exchange %d;"
            + " e-mails that needed retries %d, ledger bookings that needed retries %d; e-mails received twice with"
            + " one Message-ID because the sender was SIGKILLed within %d ms of the server accepting it (not counted as"
            + " duplicates above) %d%s%n",
        name, tally.passed, tally.failed, lines.size(), options.get("kills", "0"), tally.mails,
        tally.duplicateByMessageId, tally.duplicateByKey, tally.undelivered, tally.duplicateLedger, tally.unbooked,
        tally.wrongState, tally.lost, tally.wrongProvider, retriedMail, retriedSync, SEND_WINDOW_MS,
        tally.resentInDoubt, rate);
    return tally.failed == 0 ? 0 : 1;
  }

  /** Every notification row, by invoice, and how often each idempotency key was recorded. */
  private void readNotifications(Map<Long, List<Notification>> notifications, Map<String, Integer> keys)
      throws SQLException {
    try (Connection db = DriverManager.getConnection(options.require("db-url"), "postgres", "")) {
      try (PreparedStatement statement =
              db.prepareStatement(
                  "SELECT invoice_id, idempotency_key, channel, status, message_id, recipient FROM notifications");
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Notification n =
              new Notification(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6));
          notifications.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(n);
          keys.merge(n.key(), 1, Integer::sum);
        }
      }
    }
  }

  /** One invoice against every invariant; its problems logged on one line. */
  private void checkInvoice(Line line, Evidence evidence, Tally tally) throws SQLException {
    List<String> problems = new ArrayList<>();
    Invoice invoice = client.invoice(line.id());
    String expected = line.plan().equals("cancel") ? "cancelled" : "complete";
    checkFinalState(invoice, expected, problems, tally);
    if (line.plan().equals("pay")) {
      checkPaymentCounted(invoice, problems, tally);
    }
    if (line.provider() != null) {
      checkIssuedOnItsExchange(line, problems, tally);
    }
    List<Notification> notifications = evidence.notifications().getOrDefault(line.id(), List.of());
    checkMailDeliveredOnce(notifications, evidence, problems, tally);
    checkBookedOnce(invoice.number(), expected, evidence.ledgerRows(), problems, tally);
    if (problems.isEmpty()) {
      tally.passed++;
    } else {
      tally.failed++;
      FaultProbe.log("FAILED invoice %d %s (%s): %s", line.id(), invoice.number(), line.plan(), String.join("; ", problems));
    }
  }

  /** Complete when paid, cancelled when cancelled. */
  private static void checkFinalState(Invoice invoice, String expected, List<String> problems, Tally tally) {
    if (!expected.equals(invoice.status())) {
      problems.add("status " + invoice.status() + ", expected " + expected);
      tally.wrongState++;
    }
  }

  /** A sandbox deposit to its address that the invoice does not count is a lost payment. */
  private void checkPaymentCounted(Invoice invoice, List<String> problems, Tally tally) throws SQLException {
    if (!paymentCounted(invoice)) {
      problems.add("payment lost or counted twice: a sandbox deposit to its address is not counted exactly once");
      tally.lost++;
    }
  }

  /** When its ledger line names an exchange, its address was issued there. */
  private void checkIssuedOnItsExchange(Line line, List<String> problems, Tally tally) throws SQLException {
    String provider = providerOf(line.id());
    if (!line.provider().equalsIgnoreCase(provider)) {
      problems.add("address issued on " + provider + ", expected " + line.provider());
      tally.wrongProvider++;
    }
  }

  /**
   * Every e-mail recorded for the invoice sent, and received by the SMTP server exactly once (by
   * Message-ID and recipient, and by idempotency key); at least one e-mail recorded.
   */
  private void checkMailDeliveredOnce(
      List<Notification> notifications, Evidence evidence, List<String> problems, Tally tally) {
    for (Notification n : notifications) {
      if (!n.channel().equals("email")) {
        continue;
      }
      tally.mails++;
      Mail mail = new Mail(bare(n.messageId()), n.recipient().toLowerCase());
      evidence.ours().add(mail);
      int times = evidence.received().getOrDefault(mail, 0);
      if (!"sent".equals(n.status()) || times == 0) {
        problems.add("e-mail " + n.key() + " " + n.status() + ", received " + times + " times");
        tally.undelivered++;
      } else if (times > 1 && resentAfterKill(mail)) {
        tally.resentInDoubt++;
        FaultProbe.log(
            "e-mail %s received %d times with one Message-ID, each earlier copy within %d ms of a SIGKILL",
            n.key(), times, SEND_WINDOW_MS);
      } else if (times > 1) {
        problems.add("e-mail " + n.key() + " received " + times + " times");
        tally.duplicateByMessageId++;
      }
      if (evidence.keys().getOrDefault(n.key(), 0) > 1) {
        problems.add("idempotency key " + n.key() + " recorded twice");
      }
    }
    if (notifications.stream().noneMatch(n -> n.channel().equals("email"))) {
      problems.add("no e-mail recorded at all");
      tally.undelivered++;
    }
  }

  /** Booked in the CFO ledger exactly once when complete, never when cancelled. */
  private static void checkBookedOnce(
      String number, String expected, Map<String, Integer> ledgerRows, List<String> problems, Tally tally) {
    int booked = ledgerRows.getOrDefault(number, 0);
    if (expected.equals("complete") && booked != 1) {
      problems.add("booked " + booked + " times in the CFO ledger");
      if (booked == 0) {
        tally.unbooked++;
      }
    } else if (expected.equals("cancelled") && booked != 0) {
      problems.add("a cancelled invoice was booked " + booked + " times");
    }
  }

  /**
   * Mail the server received more than once that is no invoice's (operations alerts); an
   * invoice's mail is checked with its invoice, in the scenario it belongs to.
   */
  private void checkMailOfNoInvoice(Evidence evidence, Tally tally) {
    evidence.notifications().values().forEach(
        list -> list.forEach(n -> evidence.ours().add(new Mail(bare(n.messageId()), n.recipient().toLowerCase()))));
    for (Map.Entry<Mail, Integer> entry : evidence.received().entrySet()) {
      if (!evidence.ours().contains(entry.getKey()) && entry.getValue() > 1 && !resentAfterKill(entry.getKey())) {
        tally.duplicateByMessageId++;
        tally.failed++;
        FaultProbe.log("FAILED: message %s to %s received %d times", entry.getKey().messageId(), entry.getKey().recipient(), entry.getValue());
      }
    }
  }

  /** No MEXC endpoint called more often than --rate-limit in any window; returns the summary's part. */
  private String checkRateLimit(Tally tally) {
    int limit = options.intValue("rate-limit", 500);
    JsonNode stats = client.sandboxStats();
    int worst = 0;
    long rejected = 0;
    long injected = 0;
    long calls = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.fields(); it.hasNext(); ) {
      JsonNode s = it.next().getValue();
      worst = Math.max(worst, s.path("max_calls_in_window").asInt(s.path("maxCallsInWindow").asInt()));
      rejected += s.path("rejected_by_rate_limit").asLong(s.path("rejectedByRateLimit").asLong());
      injected += s.path("injected_faults").asLong(s.path("injectedFaults").asLong());
      calls += s.path("calls").asLong();
    }
    boolean within = worst <= limit && rejected == 0;
    if (within) {
      tally.passed++;
    } else {
      tally.failed++;
      FaultProbe.log("FAILED: MEXC rate limit: at most %d calls in a window, %d refused by the limit", worst, rejected);
    }
    return String.format(
        ", exchange calls %d (%d faults injected), max calls per endpoint per 10 s %d (limit %d), refused by the limit %d",
        calls, injected, worst, limit, rejected);
  }

  /**
   * Waits (up to --settle, default 180 s) until no e-mail of these invoices is still pending: a
   * delivery that failed while the SMTP server was down is retried with backoff.
   */
  private void awaitMailSettled(List<Line> lines) throws SQLException {
    String ids = String.join(",", lines.stream().map(l -> String.valueOf(l.id())).toList());
    if (ids.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + options.duration("settle", java.time.Duration.ofSeconds(180)).toNanos();
    while (true) {
      long open;
      try (Connection db = DriverManager.getConnection(options.require("db-url"), "postgres", "");
          PreparedStatement statement =
              db.prepareStatement(
                  "SELECT count(*) FROM notifications WHERE channel = 'email' AND status <> 'sent' AND invoice_id IN (" + ids + ")");
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        open = rows.getLong(1);
      }
      if (open == 0 || System.nanoTime() > deadline) {
        if (open > 0) {
          FaultProbe.log("%d e-mails still not sent after the settle time", open);
        }
        return;
      }
      FaultProbe.sleep(java.time.Duration.ofSeconds(2));
    }
  }

  /**
   * True when the invoice counts its payment in full and every sandbox deposit to its address is
   * counted by exactly one invoice: by this one, or on an address shared by several invoices (a
   * Binance account has one address per coin and network), by the one whose amount it matched.
   */
  private boolean paymentCounted(Invoice invoice) throws SQLException {
    String address = invoice.depositAddress();
    if (address == null) {
      return false;
    }
    JsonNode deposits =
        client.send("GET", sandbox("/deposits?address=" + address), null).body();
    Set<String> counted = new HashSet<>();
    for (JsonNode payment : invoice.json().path("payments")) {
      counted.add(payment.path("tx_hash").asText(payment.path("tx_id").asText()));
    }
    BigDecimal received = FaultProbe.decimal(invoice.json().get("amount_received"));
    if (deposits == null || !deposits.isArray() || deposits.isEmpty()) {
      return false; // the suite paid it: a deposit must be there
    }
    boolean own = false;
    for (JsonNode deposit : deposits) {
      String tx = deposit.path("tx_id").asText();
      own |= counted.contains(tx);
      if (countingInvoices(tx, address) != 1) {
        FaultProbe.log("deposit %s to %s counted by %d invoices", tx, address, countingInvoices(tx, address));
        return false;
      }
    }
    return own && received.compareTo(invoice.cryptoAmount()) >= 0;
  }

  /** How many invoices count this deposit as a payment. */
  private long countingInvoices(String txHash, String address) throws SQLException {
    try (Connection db = DriverManager.getConnection(options.require("db-url"), "postgres", "");
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT count(DISTINCT invoice_id) FROM payment_transactions WHERE counts AND tx_hash = ? AND lower(address) = lower(?)")) {
      statement.setString(1, txHash);
      statement.setString(2, address);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The exchange that issued the invoice's address, as the database records it. */
  private String providerOf(long invoiceId) throws SQLException {
    try (Connection db = DriverManager.getConnection(options.require("db-url"), "postgres", "");
        PreparedStatement statement = db.prepareStatement("SELECT exchange_provider FROM invoices WHERE id = ?")) {
      statement.setLong(1, invoiceId);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private String sandbox(String path) {
    return options.get("sandbox", options.get("api", "") + "/sandbox") + path;
  }

  private long count(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(options.require("db-url"), "postgres", "");
        PreparedStatement statement = db.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Booked rows per Identifier in the CFO ledger. */
  private Map<String, Integer> ledgerRows() throws SQLException {
    Map<String, Integer> rows = new HashMap<>();
    String table = options.get("cfo-table", "cfo.transactions");
    try (Connection ledger = DriverManager.getConnection(options.get("cfo-url", options.require("db-url")), "postgres", "");
        PreparedStatement statement =
            ledger.prepareStatement("SELECT identifier, count(*) FROM " + table + " GROUP BY identifier");
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.put(result.getString(1), result.getInt(2));
      }
    }
    return rows;
  }

  /** Lines of the SMTP server's log: time, Message-ID, recipient, subject. */
  private Map<Mail, Integer> receivedMail(Path log) throws IOException {
    Map<Mail, Integer> received = new HashMap<>();
    if (!Files.exists(log)) {
      return received;
    }
    for (String line : Files.readAllLines(log)) {
      String[] f = line.split("\t");
      if (f.length >= 3) {
        Mail mail = new Mail(bare(f[1]), f[2].toLowerCase());
        received.merge(mail, 1, Integer::sum);
        receivedAt.computeIfAbsent(mail, m -> new ArrayList<>()).add(Long.parseLong(f[0]));
      }
    }
    return received;
  }

  /**
   * True when every reception but the last lies within {@link #SEND_WINDOW_MS} of a SIGKILL of the
   * sender: it died during that SMTP transaction (the data already sent, the server still
   * accepting it) or before it could record the mail as sent, and the retry sent the same message
   * (same Message-ID) again. No sender can tell such a send from one that never reached the
   * server; anything else received twice is a duplicate.
   */
  private boolean resentAfterKill(Mail mail) {
    List<Long> times = new ArrayList<>(receivedAt.getOrDefault(mail, List.of()));
    times.sort(null);
    for (int i = 0; i < times.size() - 1; i++) {
      long at = times.get(i);
      if (killTimes.stream().noneMatch(k -> Math.abs(k - at) <= SEND_WINDOW_MS)) {
        return false;
      }
    }
    return times.size() > 1;
  }

  private static List<Long> readKillTimes(String file) throws IOException {
    List<Long> times = new ArrayList<>();
    if (file != null && Files.exists(Path.of(file))) {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (!line.isBlank()) {
          times.add(Long.parseLong(line.trim()));
        }
      }
    }
    return times;
  }

  private static String bare(String messageId) {
    String id = messageId == null ? "" : messageId.trim();
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }
}
