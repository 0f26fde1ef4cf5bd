package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DATABASE_URL and CFO_DATABASE_URL both set: the ledger is a database of its own. Both are new
 * databases, apart from the one CfoLedgerOnApplicationDatabaseTest uses.
 */
@DirtiesContext
class CfoLedgerOnItsOwnDatabaseTest extends CfoSyncTestSupport {

  private static String applicationUrl;
  private static String ledgerUrl;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", CfoLedgerOnItsOwnDatabaseTest::applicationUrl);
    registry.add("spring.datasource.username", StandalonePostgres::user);
    registry.add("invoicing.cfo.database.url", CfoLedgerOnItsOwnDatabaseTest::ledgerUrl);
    registry.add("invoicing.cfo.database.username", StandalonePostgres::user);
  }

  private static synchronized String applicationUrl() {
    if (applicationUrl == null) {
      applicationUrl = StandalonePostgres.createDatabase("invoicing");
    }
    return applicationUrl;
  }

  private static synchronized String ledgerUrl() {
    if (ledgerUrl == null) {
      ledgerUrl = StandalonePostgres.createDatabase("cfo_ledger");
    }
    return ledgerUrl;
  }

  @Autowired DataSource applicationDataSource;

  @Test
  void theLedgerIsMigratedInItsOwnDatabaseAndAnInvoiceIsBookedThere() {
    assertThat(((HikariDataSource) applicationDataSource).getJdbcUrl()).isEqualTo(applicationUrl());
    assertThat(ledgerDataSource.getJdbcUrl()).isEqualTo(ledgerUrl());
    JdbcClient ledgerDatabase = JdbcClient.create(ledgerDataSource);
    JdbcClient application = JdbcClient.create(applicationDataSource);
    assertThat(schemasWithTable(ledgerDatabase, "transactions")).containsExactly("public");
    assertThat(schemasWithTable(ledgerDatabase, "invoices")).isEmpty();
    assertThat(schemasWithTable(ledgerDatabase, "databasechangelog")).isEmpty();
    assertThat(schemasWithTable(application, "transactions")).isEmpty();

    InvoiceRecord invoice = paidInvoice();
    long id = worker(activitiesWithLedger(ledgerDataSource, clock)).syncInvoice(invoice.id()).cfoTransactionId();

    assertThat(ledgerDatabase.sql("SELECT identifier FROM transactions WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo(invoice.invoiceNumber());
  }
}
