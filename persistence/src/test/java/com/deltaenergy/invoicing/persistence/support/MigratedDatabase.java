package com.deltaenergy.invoicing.persistence.support;

import com.deltaenergy.invoicing.persistence.embedded.EmbeddedDatabaseProperties;
import com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A real PostgreSQL for repository tests, migrated by the application's own changelog; one per
 * test class, thrown away afterwards. Register with {@code @RegisterExtension static}.
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedPostgresServer server;
  private DataSource dataSource;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path directory = Files.createTempDirectory("invoicing-pg-test");
    server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(directory, 0, true));
    dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
    liquibase.setResourceLoader(new DefaultResourceLoader());
    liquibase.afterPropertiesSet();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.close();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }
}
