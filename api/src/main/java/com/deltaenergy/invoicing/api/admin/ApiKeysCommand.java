package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.persistence.apikey.ApiKey;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return AdminCommandLine.run(
        args, List.of("create", "list", "revoke"), USAGE, environment, err,
        (verb, options, jdbc, tenant) -> {
          ApiKeyRepository keys = new ApiKeyRepository(jdbc);
          switch (verb) {
            case "create" -> {
              String name = AdminCommandLine.required(options, "name");
              ApiScope scope = ApiScope.fromWire(AdminCommandLine.required(options, "scope"));
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
              long id = Long.parseLong(AdminCommandLine.required(options, "id"));
              Optional<ApiKey> revoked = keys.revoke(tenant, id, Instant.now());
              if (revoked.isEmpty()) {
                err.printf("tenant %d has no key %d%n", tenant, id);
                return 1;
              }
              out.printf("revoked key %d (%s)%n", id, revoked.get().name());
            }
          }
          return 0;
        });
  }
}
