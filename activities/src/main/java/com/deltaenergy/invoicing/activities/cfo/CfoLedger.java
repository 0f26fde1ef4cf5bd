package com.deltaenergy.invoicing.activities.cfo;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CFO ledger's {@code transactions} table, in its own database. Books an invoice's revenue
 * row exactly once, without relying on a unique constraint (the CFO system's Identifier is not
 * unique): inside one ledger transaction it takes an advisory lock keyed by the Identifier, looks
 * for a row with that Identifier and inserts only if there is none. The lock serialises concurrent
 * bookings of one invoice (two workers, or a retry overtaking a slow attempt); the look-up also
 * finds a row committed by an attempt that crashed before our side recorded it, and links it.
 */
public class CfoLedger {

  /** The ledger row that books an invoice; {@code linkedExisting} when it was there already. */
  public record Booking(long transactionId, boolean linkedExisting) {}

  /** First key of our advisory locks ("CFO1"), so they never collide with other users' locks. */
  private static final int LOCK_NAMESPACE = 0x43464F31;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final CfoLedgerSchema schema;

  public CfoLedger(DataSource dataSource, Duration statementTimeout, CfoLedgerSchema schema) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    // The transaction's deadline bounds every statement in it, the advisory lock wait included.
    this.transactions.setTimeout(Math.toIntExact(Math.max(1, statementTimeout.toSeconds())));
    this.schema = schema;
  }

  /** Books the entry, or links the row already booked under its Identifier. */
  public Booking book(CfoRevenueEntry entry) {
    schema.ensureCurrent();
    return transactions.execute(
        status -> {
          lock(entry.identifier());
          return existing(entry.identifier())
              .map(id -> new Booking(id, true))
              .orElseGet(() -> new Booking(insert(entry), false));
        });
  }

  /** The oldest ledger row booked under this Identifier, if any. */
  private Optional<Long> existing(String identifier) {
    return jdbc.sql("SELECT id FROM transactions WHERE identifier = ? ORDER BY id LIMIT 1")
        .param(identifier)
        .query(Long.class)
        .optional();
  }

  private void lock(String identifier) {
    // Held until the transaction ends; String.hashCode is specified, so every worker agrees.
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?, ?)")
        .params(LOCK_NAMESPACE, identifier.hashCode())
        .query(Integer.class)
        .single();
  }

  private long insert(CfoRevenueEntry entry) {
    return jdbc.sql(
            """
            INSERT INTO transactions (date, description, amount, classified_entity, business_unit,
                source_file, transaction_type, confidence, classification_reason, origin,
                destination, identifier, currency)
            VALUES (:date, :description, :amount, :entity, :businessUnit, :sourceFile, :type,
                :confidence, :reason, :origin, :destination, :identifier, :currency)
            RETURNING id
            """)
        .param("date", Timestamp.from(entry.date()))
        .param("description", entry.description())
        .param("amount", entry.amount())
        .param("entity", entry.classifiedEntity())
        .param("businessUnit", entry.businessUnit())
        .param("sourceFile", entry.sourceFile())
        .param("type", entry.transactionType())
        .param("confidence", entry.confidence())
        .param("reason", entry.classificationReason())
        .param("origin", entry.origin())
        .param("destination", entry.destination())
        .param("identifier", entry.identifier())
        .param("currency", entry.currency())
        .query(Long.class)
        .single();
  }
}
