package com.deltaenergy.invoicing.persistence.apikey;

import com.deltaenergy.invoicing.persistence.support.Sha256;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys, stored as SHA-256 hashes. A key is {@code inv_} followed by 256 random bits
 * (Base64url): guessing is hopeless, so a fast hash suffices and a lookup is one indexed read.
 */
@Repository
public class ApiKeyRepository {

  public static final String KEY_PREFIX = "inv_";
  private static final int PREFIX_LENGTH = 12;
  private static final String COLUMNS =
      "id, tenant_id, name, key_prefix, scope, created_by, created_at, last_used_at, revoked_at";

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  public ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes a new random key for the tenant; its plaintext is returned once and never stored. */
  public IssuedApiKey issue(long tenantId, String name, ApiScope scope, String createdBy) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return store(tenantId, name, scope, createdBy, KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Stores a key chosen outside (a bootstrap key from the environment) unless it exists already;
   * returns it if it was stored now.
   */
  public Optional<IssuedApiKey> storeIfAbsent(long tenantId, String name, ApiScope scope, String createdBy, String plaintext) {
    if (findByPlaintext(plaintext).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(store(tenantId, name, scope, createdBy, plaintext));
  }

  private IssuedApiKey store(long tenantId, String name, ApiScope scope, String createdBy, String plaintext) {
    ApiKey key =
        jdbc.sql(
                "INSERT INTO api_keys (tenant_id, name, key_prefix, key_hash, scope, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
            .params(tenantId, name, prefixOf(plaintext), hash(plaintext), scope.wireName(), createdBy)
            .query(ApiKeyRepository::apiKey)
            .single();
    return new IssuedApiKey(key, plaintext);
  }

  /** The key with this plaintext, revoked or not. */
  public Optional<ApiKey> findByPlaintext(String plaintext) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")
        .param(hash(plaintext))
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  public List<ApiKey> findAll(long tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? ORDER BY id")
        .param(tenantId)
        .query(ApiKeyRepository::apiKey)
        .list();
  }

  public Optional<ApiKey> findById(long tenantId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  public boolean anyActive(long tenantId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL)")
        .param(tenantId)
        .query(Boolean.class)
        .single();
  }

  /** Revokes the tenant's key (a second revoke keeps the first time); empty if it is not theirs. */
  public Optional<ApiKey> revoke(long tenantId, long id, Instant at) {
    jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(at), tenantId, id)
        .update();
    return findById(tenantId, id);
  }

  /** Notes a use; at most once a minute per key, so reads do not turn into writes. */
  public void touch(long id, Instant at) {
    jdbc.sql(
            "UPDATE api_keys SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < CAST(? AS timestamptz) - INTERVAL '1 minute')")
        .params(Timestamp.from(at), id, Timestamp.from(at))
        .update();
  }

  static String prefixOf(String plaintext) {
    return plaintext.length() <= PREFIX_LENGTH ? plaintext : plaintext.substring(0, PREFIX_LENGTH);
  }

  static String hash(String plaintext) {
    return Sha256.hex(plaintext);
  }

  private static ApiKey apiKey(ResultSet rs, int rowNum) throws SQLException {
    return new ApiKey(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getString("name"),
        rs.getString("key_prefix"),
        ApiScope.fromWire(rs.getString("scope")),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
