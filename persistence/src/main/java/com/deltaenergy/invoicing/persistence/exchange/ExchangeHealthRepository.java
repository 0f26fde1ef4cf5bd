package com.deltaenergy.invoicing.persistence.exchange;

import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest exchange health check per provider: written by workers, read by the API. */
@Repository
public class ExchangeHealthRepository {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  public ExchangeHealthRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void save(ExchangeCheck check) {
    jdbc.sql(
            """
            INSERT INTO exchange_health (provider, checked_at, endpoint, healthy, reachable,
                credentials_valid, latency_ms, clock_skew_ms, permissions, problems)
            VALUES (:provider, :checkedAt, :endpoint, :healthy, :reachable, :credentials,
                :latency, :skew, CAST(:permissions AS jsonb), CAST(:problems AS jsonb))
            ON CONFLICT (provider) DO UPDATE SET
                checked_at = EXCLUDED.checked_at, endpoint = EXCLUDED.endpoint,
                healthy = EXCLUDED.healthy, reachable = EXCLUDED.reachable,
                credentials_valid = EXCLUDED.credentials_valid, latency_ms = EXCLUDED.latency_ms,
                clock_skew_ms = EXCLUDED.clock_skew_ms, permissions = EXCLUDED.permissions,
                problems = EXCLUDED.problems
            """)
        .param("provider", check.provider())
        .param("checkedAt", Timestamp.from(check.checkedAt()))
        .param("endpoint", check.baseUrl())
        .param("healthy", check.healthy())
        .param("reachable", check.reachable())
        .param("credentials", check.credentialsValid())
        .param("latency", check.latencyMillis())
        .param("skew", check.clockSkewMillis())
        .param("permissions", write(check.permissions()))
        .param("problems", write(check.problems()))
        .update();
  }

  /** The latest check of every provider, by provider name. */
  public List<ExchangeCheck> all() {
    return jdbc.sql(
            """
            SELECT provider, checked_at, endpoint, reachable, credentials_valid, latency_ms,
                   clock_skew_ms, permissions::text AS permissions, problems::text AS problems
              FROM exchange_health ORDER BY provider
            """)
        .query(
            (rs, n) ->
                new ExchangeCheck(
                    rs.getString("provider"), rs.getString("endpoint"), rs.getBoolean("reachable"),
                    rs.getBoolean("credentials_valid"), read(rs.getString("permissions")),
                    rs.getLong("clock_skew_ms"), rs.getLong("latency_ms"),
                    rs.getTimestamp("checked_at").toInstant(), read(rs.getString("problems"))))
        .list();
  }

  public Optional<ExchangeCheck> latest() {
    return jdbc.sql(
            """
            SELECT provider, checked_at, endpoint, reachable, credentials_valid, latency_ms,
                   clock_skew_ms, permissions::text AS permissions, problems::text AS problems
              FROM exchange_health ORDER BY checked_at DESC LIMIT 1
            """)
        .query(
            (rs, n) ->
                new ExchangeCheck(
                    rs.getString("provider"),
                    rs.getString("endpoint"),
                    rs.getBoolean("reachable"),
                    rs.getBoolean("credentials_valid"),
                    read(rs.getString("permissions")),
                    rs.getLong("clock_skew_ms"),
                    rs.getLong("latency_ms"),
                    rs.getTimestamp("checked_at").toInstant(),
                    read(rs.getString("problems"))))
        .optional();
  }

  private String write(List<String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> read(String value) {
    try {
      return json.readValue(value, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
