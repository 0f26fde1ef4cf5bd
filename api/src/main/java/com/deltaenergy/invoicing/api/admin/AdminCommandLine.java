package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.persistence.embedded.EmbeddedDatabaseProperties;
import com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresServer;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the admin commands ({@code api-keys}, {@code console-users}) share: their dispatch from a
 * process's {@code main}, the {@code --name value} options, the database they work on and the exit
 * codes (0 done, 1 failed, 2 a usage error).
 */
public final class AdminCommandLine {

  /** One command's work on the database, for its verb (create, list, …); returns the exit code. */
  interface Verbs {
    int run(String verb, Map<String, String> options, JdbcClient jdbc, long tenant) throws Exception;
  }

  private AdminCommandLine() {}

  /**
   * Runs the admin command the arguments name and exits the process with its code; returns
   * without doing anything when they name none (the process starts as usual).
   */
  public static void exitIfCommand(String[] args) {
    if (args.length == 0) {
      return;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    if (args[0].equals(ApiKeysCommand.NAME)) {
      System.exit(ApiKeysCommand.run(rest, System.getenv(), System.out, System.err));
    }
    if (args[0].equals(ConsoleUsersCommand.NAME)) {
      System.exit(ConsoleUsersCommand.run(rest, System.getenv(), System.out, System.err));
    }
  }

  /**
   * Checks the verb and the options (usage on {@code err} and 2 when wrong), opens the database,
   * and runs the verb for the tenant ({@code --tenant}, default the default tenant).
   */
  static int run(
      List<String> args, List<String> verbs, String usage, Map<String, String> environment, PrintStream err,
      Verbs command) {
    if (args.isEmpty() || !verbs.contains(args.get(0))) {
      err.println(usage);
      return 2;
    }
    Map<String, String> options;
    try {
      options = options(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(usage);
      return 2;
    }
    try (Database database = Database.open(environment)) {
      JdbcClient jdbc = JdbcClient.create(database.dataSource());
      long tenant = Long.parseLong(options.getOrDefault("tenant", String.valueOf(Tenant.DEFAULT_TENANT_ID)));
      return command.run(args.get(0), options, jdbc, tenant);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("failed: " + e.getMessage());
      return 1;
    }
  }

  static Map<String, String> options(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      } else if (i + 1 < args.size()) {
        options.put(arg.substring(2), args.get(++i));
      } else {
        throw new IllegalArgumentException("missing value for " + arg);
      }
    }
    return options;
  }

  static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  /** The database the command works on, and whatever it had to start to reach it. */
  record Database(DataSource dataSource, EmbeddedPostgresServer started) implements AutoCloseable {

    static Database open(Map<String, String> environment) throws IOException {
      String url = environment.get("DATABASE_URL");
      if (url != null && !url.isBlank()) {
        return new Database(
            dataSource(url, environment.getOrDefault("DATABASE_USER", ""), environment.getOrDefault("DATABASE_PASSWORD", "")),
            null);
      }
      Path directory = Path.of(environment.getOrDefault("EMBEDDED_DATABASE_DIR", "./data/postgres")).toAbsolutePath();
      Optional<Integer> running = runningPort(directory);
      if (running.isPresent()) {
        return new Database(dataSource("jdbc:postgresql://127.0.0.1:" + running.get() + "/postgres", "postgres", ""), null);
      }
      if (!embeddedPostgresAvailable()) {
        throw new IllegalArgumentException("set DATABASE_URL: this jar has no embedded PostgreSQL to start");
      }
      EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(directory, 0, false));
      DataSource dataSource = dataSource(server.jdbcUrl(), server.username(), "");
      migrate(dataSource);
      return new Database(dataSource, server);
    }

    private static boolean embeddedPostgresAvailable() {
      try {
        Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, AdminCommandLine.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }

    /** The port of a PostgreSQL serving the directory now (line 4 of its postmaster.pid). */
    private static Optional<Integer> runningPort(Path directory) throws IOException {
      Path pidFile = directory.resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      boolean alive =
          ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    private static void migrate(DataSource dataSource) {
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(dataSource);
      liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
      liquibase.setResourceLoader(new DefaultResourceLoader());
      try {
        liquibase.afterPropertiesSet();
      } catch (Exception e) {
        throw new IllegalStateException("could not migrate the embedded database: " + e.getMessage(), e);
      }
    }

    private static DataSource dataSource(String url, String user, String password) {
      return new DriverManagerDataSource(url, user, password);
    }

    @Override
    public void close() throws IOException {
      if (started != null) {
        started.close();
      }
    }
  }
}
