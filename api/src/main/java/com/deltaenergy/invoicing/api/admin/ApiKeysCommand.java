package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import com.deltaenergy.invoicing.persistence.embedded.EmbeddedDatabaseProperties;
import com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresServer;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * {@code api-keys create|list|revoke}: manage API keys straight in the database, without a key —
 * how the first admin key of a production deployment is made, and how a lost one is replaced.
 *
 * <p>The database is {@code DATABASE_URL} (with {@code DATABASE_USER}/{@code DATABASE_PASSWORD});
 * without it, the embedded default's: the running one if the app is up (its port is in
 * {@code postmaster.pid}), otherwise started for the command's duration.
 */
public final class ApiKeysCommand {

  public static final String NAME = "api-keys";
  private static final String USAGE =
      """
      usage: api-keys create --name <name> --scope read|write|admin [--tenant <id>]
             api-keys list [--tenant <id>]
             api-keys revoke --id <key id> [--tenant <id>]
      database: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD; without DATABASE_URL the embedded
      database in EMBEDDED_DATABASE_DIR (default ./data/postgres)""";

  private ApiKeysCommand() {}

  /** Runs the command; returns the process exit code. */
  public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (args.isEmpty() || !List.of("create", "list", "revoke").contains(args.get(0))) {
      err.println(USAGE);
      return 2;
    }
    Map<String, String> options;
    try {
      options = options(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (Database database = Database.open(environment)) {
      ApiKeyRepository keys = new ApiKeyRepository(JdbcClient.create(database.dataSource()));
      long tenant = Long.parseLong(options.getOrDefault("tenant", String.valueOf(Tenant.DEFAULT_TENANT_ID)));
      switch (args.get(0)) {
        case "create" -> {
          String name = required(options, "name");
          ApiScope scope = ApiScope.fromWire(required(options, "scope"));
          IssuedApiKey issued = keys.issue(tenant, name, scope, "api-keys command");
          out.printf("created key %d (%s, tenant %d, %s); it is shown only now:%n%s%n",
              issued.key().id(), name, tenant, scope.wireName(), issued.plaintext());
        }
        case "list" -> {
          for (ApiKey key : keys.findAll(tenant)) {
            out.printf("%d\t%s…\t%s\t%s\t%s%n", key.id(), key.prefix(), key.scope().wireName(), key.name(),
                key.active() ? "active" : "revoked " + key.revokedAt());
          }
        }
        default -> {
          long id = Long.parseLong(required(options, "id"));
          Optional<ApiKey> revoked = keys.revoke(tenant, id, Instant.now());
          if (revoked.isEmpty()) {
            err.printf("tenant %d has no key %d%n", tenant, id);
            return 1;
          }
          out.printf("revoked key %d (%s)%n", id, revoked.get().name());
        }
      }
      return 0;
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
        Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, ApiKeysCommand.class.getClassLoader());
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
