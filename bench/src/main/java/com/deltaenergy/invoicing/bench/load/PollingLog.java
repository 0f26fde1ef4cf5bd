package com.deltaenergy.invoicing.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The deposit scanner's polling_log: one row per cycle, the source of lag and calls per cycle. */
final class PollingLog {

  /** A cycle as the scanner logged it. */
  record Cycle(
      Instant tick, Instant started, Instant finished, long lagMs, int coins, int exchangeCalls, int watches, int errors) {

    /** From the cycle's scheduled moment until every watched address was checked. */
    long completionLagMs() {
      return finished.toEpochMilli() - tick.toEpochMilli();
    }

    long scanMs() {
      return finished.toEpochMilli() - started.toEpochMilli();
    }
  }

  private final String url;
  private final String user;
  private final String password;

  PollingLog(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Cycles scheduled after {@code after}, oldest first. */
  List<Cycle> cyclesAfter(Instant after) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT tick_at, started_at, finished_at, lag_ms, coins, exchange_calls, watches, errors"
                    + " FROM polling_log WHERE tick_at > ? ORDER BY tick_at, id")) {
      statement.setTimestamp(1, Timestamp.from(after));
      List<Cycle> cycles = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          cycles.add(
              new Cycle(
                  rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant(),
                  rows.getTimestamp(3).toInstant(), rows.getLong(4), rows.getInt(5), rows.getInt(6),
                  rows.getInt(7), rows.getInt(8)));
        }
      }
      return cycles;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read polling_log at " + url + ": " + e.getMessage(), e);
    }
  }

  long openWatches() {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM deposit_watches WHERE state = 'open'");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count open watches at " + url + ": " + e.getMessage(), e);
    }
  }
}
