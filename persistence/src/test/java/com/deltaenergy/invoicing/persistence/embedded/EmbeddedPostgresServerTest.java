package com.deltaenergy.invoicing.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dataDirectory;

  @Test
  void dataSurvivesARestart() throws Exception {
    try (EmbeddedPostgresServer server = start()) {
      execute(server, "CREATE TABLE kept (value TEXT)", "INSERT INTO kept VALUES ('still here')");
    }
    try (EmbeddedPostgresServer server = start()) {
      assertThat(single(server, "SELECT value FROM kept")).isEqualTo("still here");
    }
  }

  @Test
  void takesTheDirectoryBackFromAPostmasterWhoseJvmWasKilled() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process owner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedPostgresLauncher.class.getName(),
                dataDirectory.toString(),
                String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null && !line.startsWith("READY")) {
        // wait for the launcher to report the database is up
      }
      assertThat(line).startsWith("READY");
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE survived (value TEXT)");
      statement.execute("INSERT INTO survived VALUES ('after SIGKILL')");
    }

    owner.destroyForcibly(); // SIGKILL: the postmaster is left running as an orphan
    assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (EmbeddedPostgresServer server = start()) {
      assertThat(single(server, "SELECT value FROM survived")).isEqualTo("after SIGKILL");
    }
  }

  private EmbeddedPostgresServer start() {
    return EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, 0, false));
  }

  private static void execute(EmbeddedPostgresServer server, String... sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  private static String single(EmbeddedPostgresServer server, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
