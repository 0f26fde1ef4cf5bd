package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first console user. The embedded default makes an admin of the default tenant on its first
 * start, prints the e-mail and password once and keeps them in {@code ./data/dev-console-credentials}
 * (line 1 the e-mail, line 2 the password), like the development API key. In production whoever
 * deploys runs {@code console-users create}.
 */
@Component
class BootstrapConsoleUser {

  static final String DEVELOPMENT_EMAIL = "admin@localhost.localdomain";
  private static final Logger log = LoggerFactory.getLogger(BootstrapConsoleUser.class);

  private final ConsoleUserRepository users;
  private final PasswordEncoder passwords;
  private final ConsoleProperties properties;
  private final SecureRandom random = new SecureRandom();

  BootstrapConsoleUser(ConsoleUserRepository users, PasswordEncoder passwords, ConsoleProperties properties) {
    this.users = users;
    this.passwords = passwords;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureAUserExists() {
    if (users.anyActive(Tenant.DEFAULT_TENANT_ID)) {
      return;
    }
    Path file = properties.developmentCredentialsFile();
    if (file == null) {
      log.info("No console user exists yet: run"
          + " 'java -jar <jar> console-users create --email <e-mail> --role admin'");
      return;
    }
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      users.create(Tenant.DEFAULT_TENANT_ID, DEVELOPMENT_EMAIL, passwords.encode(password), ApiScope.ADMIN, "first start");
    } catch (DuplicateKeyException raced) {
      return; // another API process made it at the same moment, or the address was disabled and is kept
    }
    write(file, DEVELOPMENT_EMAIL + "\n" + password + "\n");
    // Printed, not logged: it is shown once, to whoever started the embedded default.
    System.out.printf(
        "%n  Console sign-in (admin, tenant 1), also saved in %s:%n%n    e-mail:   %s%n    password: %s%n%n",
        file, DEVELOPMENT_EMAIL, password);
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("{} cannot have POSIX permissions on this file system", file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the console credentials to " + file, e);
    }
  }
}
