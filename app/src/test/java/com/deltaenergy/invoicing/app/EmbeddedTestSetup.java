package com.deltaenergy.invoicing.app;

import com.deltaenergy.invoicing.testsupport.FreePorts;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a test's embedded application listens and keeps its files: its HTTP, in-process Temporal
 * and SMTP ports, and a data directory of its own for the outbox, the documents and the encryption
 * key; the bootstrap admin key ({@link TestApiKeys#ADMIN}) is on, so a test can call the API at once.
 */
public record EmbeddedTestSetup(int port, int temporalPort, int smtpPort, Path data) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Free ports and a fresh temporary data directory whose name starts with the prefix. */
  public static EmbeddedTestSetup onFreePorts(String directoryPrefix) throws IOException {
    return onPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), directoryPrefix);
  }

  /** The given ports and a fresh temporary data directory whose name starts with the prefix. */
  public static EmbeddedTestSetup onPorts(int port, int temporalPort, int smtpPort, String directoryPrefix)
      throws IOException {
    return new EmbeddedTestSetup(port, temporalPort, smtpPort, Files.createTempDirectory(directoryPrefix));
  }

  /** The directory the notifications' .eml copies are written to. */
  public Path outbox() {
    return data.resolve("outbox");
  }

  /** A JSON POST to the application with the bootstrap admin key and a fresh Idempotency-Key. */
  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The application's properties for this setup. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> port);
    registry.add("invoicing.temporal.embedded.port", () -> temporalPort);
    registry.add("invoicing.notifications.smtp.port", () -> smtpPort);
    registry.add("invoicing.notifications.outbox-directory", () -> outbox().toString());
    registry.add("invoicing.documents.directory", () -> data.resolve("documents").toString());
    registry.add("invoicing.encryption.key-file", () -> data.resolve("encryption.key").toString());
    registry.add("invoicing.security.bootstrap-key", () -> TestApiKeys.ADMIN);
  }
}
