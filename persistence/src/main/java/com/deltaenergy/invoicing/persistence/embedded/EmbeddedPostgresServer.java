package com.deltaenergy.invoicing.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL 17 server run from the zonky binaries, with a persistent data directory. */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(20);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final boolean ephemeral;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.ephemeral = ephemeral;
  }

  public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
    try {
      Path dataDirectory =
          properties.ephemeral()
              ? Files.createTempDirectory("invoicing-pg")
              : properties.dataDirectory().toAbsolutePath().normalize();
      Files.createDirectories(dataDirectory);
      stopOrphanedPostmaster(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(properties.port())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      log.info(
          "Embedded PostgreSQL ready at {} (data in {})",
          jdbcUrl(postgres.getPort()),
          dataDirectory);
      return new EmbeddedPostgresServer(postgres, dataDirectory, properties.ephemeral());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(postgres.getPort());
  }

  public int port() {
    return postgres.getPort();
  }

  public String username() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
    if (ephemeral) {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * A JVM killed with SIGKILL leaves its postmaster running (pg_ctl detaches it), holding the data
   * directory. Stop such an orphan so the next start can own the directory again.
   */
  private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    boolean isPostgres =
        process
            .flatMap(p -> p.info().command())
            .map(command -> command.endsWith("postgres"))
            .orElse(false);
    if (process.isEmpty() || !process.get().isAlive() || !isPostgres) {
      return;
    }
    log.warn("Stopping orphaned PostgreSQL (pid {}) left by a previous run in {}", pid, dataDirectory);
    ProcessHandle postmaster = process.get();
    postmaster.destroy();
    try {
      postmaster.onExit().get(ORPHAN_SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception timeout) {
      postmaster.destroyForcibly();
    }
  }
}
