package com.deltaenergy.invoicing.activities.cfo;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The CFO ledger's connection pool, schema and gateway.
 *
 * <p>The ledger's DataSource is an additional bean that is not a default candidate: injected only
 * where asked for by {@link #CFO_LEDGER}, and invisible to Spring Boot's conditions, so the
 * application's DataSource, JdbcClient, transaction manager and Liquibase auto-configure exactly as
 * they would without it (from DATABASE_URL, or the embedded PostgreSQL). Without CFO_DATABASE_URL
 * the ledger is a schema of the application's database, reached through its own small pool whose
 * connections have {@code currentSchema} set, so the ledger code is the same either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CfoLedgerProperties.class, CfoMappingProperties.class, CfoMonitorProperties.class})
public class CfoSyncConfiguration {

  /** Qualifier of the ledger's DataSource. */
  public static final String CFO_LEDGER = "cfoLedger";

  @Bean(defaultCandidate = false, destroyMethod = "close")
  @Qualifier(CFO_LEDGER)
  HikariDataSource cfoLedgerDataSource(CfoLedgerProperties ledger, DataSource applicationDataSource) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("cfo-ledger");
    pool.setMaximumPoolSize(ledger.maximumPoolSize());
    pool.setConnectionTimeout(ledger.connectionTimeout().toMillis());
    if (ledger.sharesApplicationDatabase()) {
      HikariDataSource application = DataSourceUnwrapper.unwrap(applicationDataSource, HikariDataSource.class);
      if (application == null) {
        throw new IllegalStateException(
            "the CFO ledger shares the application's database only when that is a Hikari pool; set CFO_DATABASE_URL");
      }
      pool.setJdbcUrl(withCurrentSchema(application.getJdbcUrl(), ledger.sharedSchema()));
      pool.setUsername(application.getUsername());
      pool.setPassword(application.getPassword());
    } else {
      pool.setJdbcUrl(ledger.url());
      pool.setUsername(ledger.username().isBlank() ? null : ledger.username());
      pool.setPassword(ledger.password().isBlank() ? null : ledger.password());
    }
    return pool;
  }

  @Bean
  CfoLedgerSchema cfoLedgerSchema(
      @Qualifier(CFO_LEDGER) DataSource ledgerDataSource, CfoLedgerProperties ledger, ResourceLoader resources) {
    return new CfoLedgerSchema(
        ledgerDataSource, ledger.sharesApplicationDatabase() ? ledger.sharedSchema() : null, ledger.migrate(), resources);
  }

  @Bean
  CfoLedger cfoLedger(
      @Qualifier(CFO_LEDGER) DataSource ledgerDataSource, CfoLedgerProperties ledger, CfoLedgerSchema schema) {
    return new CfoLedger(ledgerDataSource, ledger.queryTimeout(), schema);
  }

  /** The application's JDBC URL with the ledger's schema as the connections' current schema. */
  static String withCurrentSchema(String jdbcUrl, String schema) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
