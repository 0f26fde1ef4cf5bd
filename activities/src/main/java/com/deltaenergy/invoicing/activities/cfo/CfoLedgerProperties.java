package com.deltaenergy.invoicing.activities.cfo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the CFO ledger's {@code transactions} table lives ({@code invoicing.cfo.database.*}).
 *
 * @param url JDBC URL of the CFO database (CFO_DATABASE_URL). Empty: the ledger is the schema
 *     {@code sharedSchema} of the application's own database (the embedded default and tests)
 * @param username CFO_DATABASE_USER
 * @param password CFO_DATABASE_PASSWORD
 * @param sharedSchema the ledger's schema in the application's database when {@code url} is empty
 * @param maximumPoolSize connections to the ledger per worker
 * @param connectionTimeout how long to wait for a ledger connection before the attempt fails
 * @param queryTimeout how long one ledger statement may run; both stay well inside the activity's
 *     60 s start-to-close timeout, so a hung ledger fails the attempt with the 1/5/15-minute delay
 * @param migrate apply the ledger's own changelog ({@code db/cfo-changelog}); off when the CFO
 *     team owns the schema and this system may not change it
 */
@ConfigurationProperties("invoicing.cfo.database")
public record CfoLedgerProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("cfo") String sharedSchema,
    @DefaultValue("5") int maximumPoolSize,
    @DefaultValue("10s") Duration connectionTimeout,
    @DefaultValue("15s") Duration queryTimeout,
    @DefaultValue("true") boolean migrate) {

  public CfoLedgerProperties {
    if (!sharedSchema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "invoicing.cfo.database.shared-schema must be a lower-case SQL identifier, not '" + sharedSchema + "'");
    }
  }

  /** The ledger shares the application's database (in its own schema). */
  public boolean sharesApplicationDatabase() {
    return url.isBlank();
  }
}
