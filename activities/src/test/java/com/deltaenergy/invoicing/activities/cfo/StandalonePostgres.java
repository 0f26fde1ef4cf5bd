package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.persistence.embedded.EmbeddedDatabaseProperties;
import com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own, as a DATABASE_URL (and CFO_DATABASE_URL) would name one: the
 * application then gets its DataSource from Spring Boot, not from the embedded default. Stopped
 * when the JVM exits, after the test's context (which is closed as dirty) is gone.
 */
final class StandalonePostgres {

  private static EmbeddedPostgresServer server;

  private StandalonePostgres() {}

  static synchronized String jdbcUrl() {
    if (server == null) {
      server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(Path.of("unused"), 0, true));
      Runtime.getRuntime().addShutdownHook(new Thread(StandalonePostgres::stop));
    }
    return server.jdbcUrl();
  }

  static String user() {
    return "postgres";
  }

  /** Creates another database on the server and returns its JDBC URL. */
  static String createDatabase(String name) {
    String url = jdbcUrl();
    try (Connection connection = DriverManager.getConnection(url, user(), null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return url.substring(0, url.lastIndexOf('/') + 1) + name;
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
