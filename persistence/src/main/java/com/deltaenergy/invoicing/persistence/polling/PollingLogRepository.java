package com.deltaenergy.invoicing.persistence.polling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per deposit-scan cycle. */
@Repository
public class PollingLogRepository {

  /** A scan cycle as logged. */
  public record Cycle(
      Instant tickAt,
      Instant startedAt,
      Instant finishedAt,
      long lagMs,
      int coins,
      int exchangeCalls,
      int watches,
      int signals,
      int errors,
      String error,
      String worker) {}

  /** Totals over a period. */
  public record Totals(long cycles, long checks, long exchangeCalls, long signals, long errors, long maxLagMs) {}

  private final JdbcClient jdbc;

  public PollingLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void log(Cycle cycle) {
    log(cycle, null);
  }

  /** Logs a cycle with when the scanner's next one is due (null if unknown). */
  public void log(Cycle cycle, Instant nextTickAt) {
    jdbc.sql(
            """
            INSERT INTO polling_log (tick_at, started_at, finished_at, lag_ms, coins, exchange_calls,
                watches, signals, errors, error, worker, next_tick_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            Timestamp.from(cycle.tickAt()), Timestamp.from(cycle.startedAt()),
            Timestamp.from(cycle.finishedAt()), cycle.lagMs(), cycle.coins(), cycle.exchangeCalls(),
            cycle.watches(), cycle.signals(), cycle.errors(), cycle.error(), cycle.worker(),
            nextTickAt == null ? null : Timestamp.from(nextTickAt))
        .update();
  }

  /** When the scanner's next cycle is due, as its latest cycle scheduled it. */
  public Optional<Instant> nextTick() {
    return jdbc.sql(
            """
            SELECT next_tick_at FROM polling_log
             WHERE next_tick_at IS NOT NULL ORDER BY tick_at DESC, id DESC LIMIT 1
            """)
        .query((rs, n) -> rs.getTimestamp("next_tick_at").toInstant())
        .optional();
  }

  public Totals since(Instant since) {
    return jdbc.sql(
            """
            SELECT count(*) AS cycles, coalesce(sum(watches), 0) AS checks,
                   coalesce(sum(exchange_calls), 0) AS calls, coalesce(sum(signals), 0) AS signals,
                   coalesce(sum(errors), 0) AS errors, coalesce(max(lag_ms), 0) AS max_lag
              FROM polling_log WHERE tick_at >= ?
            """)
        .param(Timestamp.from(since))
        .query(
            (rs, n) ->
                new Totals(
                    rs.getLong("cycles"), rs.getLong("checks"), rs.getLong("calls"),
                    rs.getLong("signals"), rs.getLong("errors"), rs.getLong("max_lag")))
        .single();
  }

  public Optional<Cycle> last() {
    return jdbc.sql(
            """
            SELECT tick_at, started_at, finished_at, lag_ms, coins, exchange_calls, watches, signals,
                   errors, error, worker
              FROM polling_log ORDER BY tick_at DESC, id DESC LIMIT 1
            """)
        .query(
            (rs, n) ->
                new Cycle(
                    rs.getTimestamp("tick_at").toInstant(), rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at").toInstant(), rs.getLong("lag_ms"), rs.getInt("coins"),
                    rs.getInt("exchange_calls"), rs.getInt("watches"), rs.getInt("signals"),
                    rs.getInt("errors"), rs.getString("error"), rs.getString("worker")))
        .optional();
  }

  /** Keeps the log bounded: cycles older than the retention go. */
  public int prune(Instant olderThan) {
    return jdbc.sql("DELETE FROM polling_log WHERE tick_at < ?").param(Timestamp.from(olderThan)).update();
  }
}
