package com.deltaenergy.invoicing.activities.cfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;

/**
 * Applies the ledger's own Liquibase changelog ({@code db/cfo-changelog}) to the ledger database,
 * tracked in its own {@code cfo_databasechangelog} tables so it never mixes with ours or with the
 * CFO system's. Tried at start; a ledger that is down then does not stop the worker: the schema is
 * applied before the first booking instead.
 */
public class CfoLedgerSchema implements InitializingBean {

  static final String CHANGELOG = "classpath:db/cfo-changelog/cfo-changelog-master.yaml";

  private static final Logger log = LoggerFactory.getLogger(CfoLedgerSchema.class);

  private final DataSource ledger;
  private final String schemaToCreate;
  private final boolean migrate;
  private final ResourceLoader resources;
  private volatile boolean current;

  /**
   * @param schemaToCreate the schema to create first when the ledger shares the application's
   *     database, else null (a CFO database of its own is used as it is)
   */
  public CfoLedgerSchema(DataSource ledger, String schemaToCreate, boolean migrate, ResourceLoader resources) {
    this.ledger = ledger;
    this.schemaToCreate = schemaToCreate;
    this.migrate = migrate;
    this.resources = resources;
  }

  @Override
  public void afterPropertiesSet() {
    try {
      ensureCurrent();
    } catch (RuntimeException e) {
      log.warn("The CFO ledger's schema could not be applied now; it will be before the first booking", e);
    }
  }

  /** Applies the changelog once per process, unless migrating is turned off. */
  public void ensureCurrent() {
    if (current || !migrate) {
      return;
    }
    synchronized (this) {
      if (!current) {
        apply();
        current = true;
      }
    }
  }

  private void apply() {
    try {
      if (schemaToCreate != null) {
        try (Connection connection = ledger.getConnection();
            Statement statement = connection.createStatement()) {
          // The name is validated as a plain identifier by CfoLedgerProperties.
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + schemaToCreate);
        }
      }
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(ledger);
      liquibase.setChangeLog(CHANGELOG);
      liquibase.setDatabaseChangeLogTable("cfo_databasechangelog");
      liquibase.setDatabaseChangeLogLockTable("cfo_databasechangeloglock");
      liquibase.setResourceLoader(resources);
      liquibase.afterPropertiesSet();
    } catch (SQLException | liquibase.exception.LiquibaseException e) {
      throw new CfoLedgerUnavailableException("could not apply the CFO ledger's schema: " + e.getMessage(), e);
    }
  }
}
