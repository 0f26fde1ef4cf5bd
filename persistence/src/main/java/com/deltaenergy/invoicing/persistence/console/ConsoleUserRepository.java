package com.deltaenergy.invoicing.persistence.console;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Console users and their failed sign-ins. E-mails are kept in lower case. */
@Repository
public class ConsoleUserRepository {

  private static final String COLUMNS =
      "id, tenant_id, email, password_hash, role, created_by, created_at, last_sign_in_at, disabled_at";

  private final JdbcClient jdbc;

  public ConsoleUserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Stores a new user; a taken e-mail is a {@code DuplicateKeyException}. */
  public ConsoleUser create(long tenantId, String email, String passwordHash, ApiScope role, String createdBy) {
    return jdbc.sql(
            "INSERT INTO console_users (tenant_id, email, password_hash, role, created_by)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)
        .params(tenantId, normalise(email), passwordHash, role.wireName(), createdBy)
        .query(ConsoleUserRepository::user)
        .single();
  }

  public Optional<ConsoleUser> findByEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_users WHERE email = ?")
        .param(normalise(email))
        .query(ConsoleUserRepository::user)
        .optional();
  }

  public Optional<ConsoleUser> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_users WHERE id = ?")
        .param(id)
        .query(ConsoleUserRepository::user)
        .optional();
  }

  public List<ConsoleUser> findAll(long tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_users WHERE tenant_id = ? ORDER BY id")
        .param(tenantId)
        .query(ConsoleUserRepository::user)
        .list();
  }

  public boolean anyActive(long tenantId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM console_users WHERE tenant_id = ? AND disabled_at IS NULL)")
        .param(tenantId)
        .query(Boolean.class)
        .single();
  }

  /** Disables the tenant's user (a second disable keeps the first time); empty if not theirs. */
  public Optional<ConsoleUser> disable(long tenantId, long id, Instant at) {
    jdbc.sql("UPDATE console_users SET disabled_at = ? WHERE tenant_id = ? AND id = ? AND disabled_at IS NULL")
        .params(Timestamp.from(at), tenantId, id)
        .update();
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_users WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(ConsoleUserRepository::user)
        .optional();
  }

  public void signedIn(long id, String email, Instant at) {
    jdbc.sql("UPDATE console_users SET last_sign_in_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    // A success ends the account's run of failures (the address's stays: it may be guessing others).
    jdbc.sql("DELETE FROM console_sign_in_failures WHERE email = ?").param(normalise(email)).update();
  }

  /** Notes a failed sign-in and forgets those older than {@code forgetBefore}. */
  public void failed(String email, String remoteAddress, Instant at, Instant forgetBefore) {
    jdbc.sql("INSERT INTO console_sign_in_failures (email, remote_address, occurred_at) VALUES (?, ?, ?)")
        .params(truncate(normalise(email), 320), truncate(remoteAddress, 64), Timestamp.from(at))
        .update();
    jdbc.sql("DELETE FROM console_sign_in_failures WHERE occurred_at < ?").param(Timestamp.from(forgetBefore)).update();
  }

  public long failuresForEmailSince(String email, Instant since) {
    return jdbc.sql("SELECT count(*) FROM console_sign_in_failures WHERE email = ? AND occurred_at >= ?")
        .params(normalise(email), Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  public long failuresFromAddressSince(String remoteAddress, Instant since) {
    return jdbc.sql("SELECT count(*) FROM console_sign_in_failures WHERE remote_address = ? AND occurred_at >= ?")
        .params(truncate(remoteAddress, 64), Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  private static String truncate(String value, int max) {
    String text = value == null ? "" : value;
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static ConsoleUser user(ResultSet rs, int rowNum) throws SQLException {
    return new ConsoleUser(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getString("email"),
        rs.getString("password_hash"),
        ApiScope.fromWire(rs.getString("role")),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "last_sign_in_at"),
        instant(rs, "disabled_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
