package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncRepository;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.testsupport.FreePorts;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.zaxxer.hikari.HikariDataSource;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The CFO sync against real PostgreSQL: the embedded one of the test profile, with the ledger in
 * its "cfo" schema. Only persistence and the CFO sync are started, not the other activities.
 *
 * <p>{@code @ExtendWith} is repeated from {@code @SpringBootTest} on purpose: Spring Boot's test
 * type filter looks for it directly on a class without test methods, and only then keeps the
 * nested {@link Application} (and its recording alerts) out of other tests' component scans.
 */
@SpringBootTest(classes = CfoSyncTestSupport.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(SpringExtension.class)
@ActiveProfiles("test")
abstract class CfoSyncTestSupport {

  @SpringBootApplication(
      scanBasePackages = {"com.deltaenergy.invoicing.persistence", "com.deltaenergy.invoicing.activities.cfo"})
  static class Application {

    @Bean
    RecordingOperationsAlerts operationsAlerts() {
      return new RecordingOperationsAlerts();
    }
  }

  static final long ALPS_BLOCKCHAIN = 1;
  static final long EXOS_CAPITAL = 2;
  static final long GM_DATA_CENTERS = 3;
  static final long OTHER = 4;

  @Autowired InvoiceRepository invoices;
  @Autowired CfoSyncRepository syncs;
  @Autowired CfoSyncQueries queries;
  @Autowired ClientRepository clients;
  @Autowired CfoRevenueClassifier classifier;
  @Autowired CfoLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ResourceLoader resources;

  @Autowired
  @Qualifier(CfoSyncConfiguration.CFO_LEDGER)
  HikariDataSource ledgerDataSource;

  private final List<TestActivityEnvironment> environments = new ArrayList<>();

  @AfterEach
  void closeActivityEnvironments() {
    environments.forEach(TestActivityEnvironment::close);
    environments.clear();
  }

  /** A paid USDT invoice of the default tenant, as the invoice workflow's projection leaves it. */
  InvoiceRecord paidInvoice(long clientId, String amountUsd, String billingPeriod, String description, Instant paidAt) {
    InvoiceRecord invoice = invoice(clientId, amountUsd, billingPeriod, description);
    jdbc.sql("UPDATE invoices SET status = 'paid', paid_at = ? WHERE id = ?")
        .params(Timestamp.from(paidAt), invoice.id())
        .update();
    return invoices.findById(invoice.id()).orElseThrow();
  }

  InvoiceRecord paidInvoice() {
    return paidInvoice(ALPS_BLOCKCHAIN, "5000.00", "October 2025", "Bitcoin Mining Colocation Services", hoursAgo(1));
  }

  /** A new invoice, as stored before it is issued (status draft). */
  InvoiceRecord invoice(long clientId, String amountUsd, String billingPeriod, String description) {
    BigDecimal amount = new BigDecimal(amountUsd);
    return invoices.create(
        new NewInvoice(
            1L, clientId, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
            PaymentNetwork.TRC20, billingPeriod, description, null, LocalDate.now(), LocalDate.now().plusDays(15),
            List.of(new LineItem(description, BigDecimal.ONE, amount, amount))));
  }

  Instant hoursAgo(long hours) {
    return clock.instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
  }

  /** The real activity, writing to the given ledger, as a worker would run it. */
  CfoSyncActivitiesImpl activitiesWithLedger(DataSource ledgerDataSource, Clock activityClock) {
    CfoLedgerSchema schema = new CfoLedgerSchema(ledgerDataSource, null, false, resources);
    return new CfoSyncActivitiesImpl(
        invoices, syncs, classifier, new CfoLedger(ledgerDataSource, Duration.ofSeconds(5), schema), activityClock,
        clients);
  }

  /** An activity stub on a worker of its own (Temporal's activity test environment). */
  CfoSyncActivities worker(CfoSyncActivities implementation) {
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    environments.add(environment);
    environment.registerActivitiesImplementations(implementation);
    return environment.newActivityStub(
        CfoSyncActivities.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
  }

  /** What the activity failed with, as the workflow would see it. */
  static ApplicationFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure failure) {
        return failure;
      }
      throw e;
    }
    throw new AssertionError("the activity did not fail");
  }

  /** The ledger rows booked under an Identifier. */
  long ledgerRows(String identifier) {
    return JdbcClient.create(ledgerDataSource)
        .sql("SELECT count(*) FROM transactions WHERE identifier = ?")
        .param(identifier)
        .query(Long.class)
        .single();
  }

  /** The schemas of a database that have a table of this name. */
  static List<String> schemasWithTable(JdbcClient database, String table) {
    return database
        .sql("SELECT table_schema FROM information_schema.tables WHERE table_name = ? ORDER BY table_schema")
        .param(table)
        .query(String.class)
        .list();
  }

  /** A PostgreSQL DataSource for a port nothing listens on: every connection is refused. */
  static DataSource unreachableLedger() {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?currentSchema=cfo&connectTimeout=2");
    unreachable.setUser("postgres");
    return unreachable;
  }

  /** The application's embedded PostgreSQL with another current schema. */
  DataSource ledgerInSchema(String schema) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(ledgerDataSource.getJdbcUrl().replace("currentSchema=cfo", "currentSchema=" + schema));
    dataSource.setUser(ledgerDataSource.getUsername());
    return dataSource;
  }

  private static int closedPort() {
    return FreePorts.next();
  }
}
