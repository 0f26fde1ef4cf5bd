package com.deltaenergy.invoicing.persistence.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL on its own, for setups where the API and the worker are separate
 * processes that share one database (the end-to-end script). Arguments: data directory, port.
 */
public final class EmbeddedPostgresLauncher {

  private EmbeddedPostgresLauncher() {}

  public static void main(String[] args) throws Exception {
    Path dataDirectory = Path.of(args.length > 0 ? args[0] : "./data/postgres");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(dataDirectory, port, false));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // shutting down anyway
                  } finally {
                    stopped.countDown();
                  }
                }));
    System.out.println("READY " + server.jdbcUrl());
    stopped.await();
  }
}
