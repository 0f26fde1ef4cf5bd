package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUser;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code console-users create|list|disable}: manage console users straight in the database, like
 * {@code api-keys}: how the first admin of a production deployment is made. Without
 * {@code --password} a random one is made and shown once.
 */
public final class ConsoleUsersCommand {

  public static final String NAME = "console-users";
  static final int MIN_PASSWORD_LENGTH = 12;
  private static final String USAGE =
      """
      usage: console-users create --email <e-mail> --role read|write|admin [--password <password>] [--tenant <id>]
             console-users list [--tenant <id>]
             console-users disable --id <user id> [--tenant <id>]
      database: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD; without DATABASE_URL the embedded
      database in EMBEDDED_DATABASE_DIR (default ./data/postgres)""";

  private ConsoleUsersCommand() {}

  /** Runs the command; returns the process exit code. */
  public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
    return AdminCommandLine.run(
        args, List.of("create", "list", "disable"), USAGE, environment, err,
        (verb, options, jdbc, tenant) -> {
          ConsoleUserRepository users = new ConsoleUserRepository(jdbc);
          switch (verb) {
            case "create" -> {
              String email = ConsoleUserRepository.normalise(AdminCommandLine.required(options, "email"));
              if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("--email must be an e-mail address");
              }
              ApiScope role = ApiScope.fromWire(AdminCommandLine.required(options, "role"));
              String password = options.get("password");
              boolean generated = password == null;
              if (generated) {
                password = randomPassword();
              } else if (password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("--password must be at least " + MIN_PASSWORD_LENGTH + " characters");
              }
              ConsoleUser user;
              try {
                user = users.create(tenant, email, new BCryptPasswordEncoder().encode(password), role, "console-users command");
              } catch (DuplicateKeyException e) {
                err.printf("a console user %s exists already%n", email);
                return 1;
              }
              out.printf("created console user %d (%s, tenant %d, %s)%n", user.id(), email, tenant, role.wireName());
              if (generated) {
                out.printf("password, shown only now:%n%s%n", password);
              }
            }
            case "list" -> {
              for (ConsoleUser user : users.findAll(tenant)) {
                out.printf("%d\t%s\t%s\t%s%n", user.id(), user.email(), user.role().wireName(),
                    user.active() ? "active" : "disabled " + user.disabledAt());
              }
            }
            default -> {
              long id = Long.parseLong(AdminCommandLine.required(options, "id"));
              Optional<ConsoleUser> disabled = users.disable(tenant, id, Instant.now());
              if (disabled.isEmpty()) {
                err.printf("tenant %d has no console user %d%n", tenant, id);
                return 1;
              }
              out.printf("disabled console user %d (%s)%n", id, disabled.get().email());
            }
          }
          return 0;
        });
  }

  static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
