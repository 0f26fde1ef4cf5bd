package com.deltaenergy.invoicing.api.security;

import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The first key. In production whoever deploys sets {@code BOOTSTRAP_API_KEY} (or runs the
 * {@code api-keys create} command); the embedded default makes a development key on its first
 * start, prints it and keeps it in {@code ./data/dev-api-key}.
 */
@Component
class BootstrapApiKeys {

  private static final Logger log = LoggerFactory.getLogger(BootstrapApiKeys.class);

  private final ApiKeyRepository keys;
  private final SecurityProperties properties;

  BootstrapApiKeys(ApiKeyRepository keys, SecurityProperties properties) {
    this.keys = keys;
    this.properties = properties;
    String bootstrap = properties.bootstrapKey();
    if (bootstrap != null && !bootstrap.isBlank() && bootstrap.strip().length() < SecurityProperties.MIN_BOOTSTRAP_KEY_LENGTH) {
      throw new IllegalStateException(
          "BOOTSTRAP_API_KEY must be at least " + SecurityProperties.MIN_BOOTSTRAP_KEY_LENGTH
              + " characters (e.g. openssl rand -base64 32)");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureAKeyExists() {
    String bootstrap = properties.bootstrapKey();
    if (bootstrap != null && !bootstrap.isBlank()) {
      try {
        keys.storeIfAbsent(Tenant.DEFAULT_TENANT_ID, "bootstrap", ApiScope.ADMIN, "BOOTSTRAP_API_KEY", bootstrap.strip())
            .ifPresent(stored -> log.info("Created the bootstrap API key {}… (admin, default tenant)", stored.key().prefix()));
      } catch (DuplicateKeyException raced) {
        // another API instance stored it at the same moment
      }
      return;
    }
    if (keys.anyActive(Tenant.DEFAULT_TENANT_ID)) {
      return;
    }
    Path file = properties.developmentKeyFile();
    if (file == null) {
      log.warn("No API key exists yet: set BOOTSTRAP_API_KEY, or run"
          + " 'java -jar <api jar> api-keys create --name <name> --scope admin'");
      return;
    }
    IssuedApiKey key = keys.issue(Tenant.DEFAULT_TENANT_ID, "development", ApiScope.ADMIN, "first start");
    write(file, key.plaintext());
    // Printed, not logged: it is shown once, to whoever started the embedded default.
    System.out.printf(
        "%n  Development API key (admin, tenant 1), also saved in %s:%n%n    %s%n%n"
            + "  Send it as 'Authorization: Bearer <key>'.%n%n",
        file, key.plaintext());
  }

  private static void write(Path file, String key) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("{} cannot have POSIX permissions on this file system", file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the development API key to " + file, e);
    }
  }
}
