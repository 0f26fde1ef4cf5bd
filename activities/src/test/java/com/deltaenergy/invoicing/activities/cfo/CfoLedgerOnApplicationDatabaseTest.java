package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresServer;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DATABASE_URL set, CFO_DATABASE_URL not: Spring Boot's own DataSource and Liquibase serve the
 * application; the ledger is the "cfo" schema of that database, migrated by its own changelog.
 */
@DirtiesContext
class CfoLedgerOnApplicationDatabaseTest extends CfoSyncTestSupport {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", StandalonePostgres::jdbcUrl);
    registry.add("spring.datasource.username", StandalonePostgres::user);
  }

  @Autowired DataSource applicationDataSource;
  @Autowired ApplicationContext context;

  @Test
  void theApplicationKeepsSpringBootsDataSourceAndTheLedgerIsASchemaOfIt() {
    assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
    assertThat(((HikariDataSource) applicationDataSource).getJdbcUrl()).isEqualTo(StandalonePostgres.jdbcUrl());
    assertThat(ledgerDataSource.getJdbcUrl()).isEqualTo(StandalonePostgres.jdbcUrl() + "?currentSchema=cfo");
    assertThat(ledgerDataSource).isNotSameAs(applicationDataSource);

    JdbcClient application = JdbcClient.create(applicationDataSource);
    assertThat(application.sql("SELECT count(*) FROM public.databasechangelog WHERE id LIKE '0007-%'").query(Long.class).single())
        .isPositive();
    assertThat(application.sql("SELECT count(*) FROM public.databasechangelog WHERE author = 'cfo'").query(Long.class).single())
        .isZero();
    assertThat(application.sql("SELECT id FROM cfo.cfo_databasechangelog").query(String.class).list())
        .containsExactly("0001-transactions");
    assertThat(schemasWithTable(application, "transactions")).containsExactly("cfo");
  }

  @Test
  void anInvoiceIsBookedInTheLedgerSchema() {
    InvoiceRecord invoice = paidInvoice();

    long id = worker(activitiesWithLedger(ledgerDataSource, clock)).syncInvoice(invoice.id()).cfoTransactionId();

    assertThat(JdbcClient.create(applicationDataSource).sql("SELECT identifier FROM cfo.transactions WHERE id = ?")
            .param(id).query(String.class).single())
        .isEqualTo(invoice.invoiceNumber());
  }
}
