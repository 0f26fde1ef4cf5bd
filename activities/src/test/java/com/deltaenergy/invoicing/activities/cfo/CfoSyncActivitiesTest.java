package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.cfo.CfoSyncMapping;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncQueries.LoggedAttempt;
import com.deltaenergy.invoicing.persistence.cfo.CfoSyncStatus;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities;
import com.deltaenergy.invoicing.workflows.cfo.CfoSyncActivities.CfoSyncResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Booking paid invoices in the CFO ledger: the row, the mapping, the log, failures and duplicates. */
class CfoSyncActivitiesTest extends CfoSyncTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CfoSyncActivitiesImpl activities;

  @Test
  void booksAPaidInvoiceAsRevenueWithTheSeedsColumns() throws Exception {
    Instant paidAt = hoursAgo(2);
    InvoiceRecord invoice = paidInvoice(EXOS_CAPITAL, "12500.50", "November 2025", "Hosting of 40 S21 miners", paidAt);

    CfoSyncResult result = worker(activities).syncInvoice(invoice.id());

    assertThat(result.linkedExisting()).isFalse();
    Map<String, Object> row =
        JdbcClient.create(ledgerDataSource)
            .sql("SELECT * FROM transactions WHERE id = ?")
            .param(result.cfoTransactionId())
            .query()
            .singleRow();
    assertThat(((Timestamp) row.get("date")).toInstant()).isEqualTo(paidAt);
    assertThat(row.get("description"))
        .isEqualTo("Invoice " + invoice.invoiceNumber() + " - Exos Capital - November 2025");
    assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("12500.50");
    assertThat(row.get("classified_entity")).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(row.get("business_unit")).isEqualTo("Paraguay Hosting");
    assertThat(row.get("source_file")).isEqualTo("crypto_invoice_" + invoice.invoiceNumber());
    assertThat(row.get("transaction_type")).isEqualTo("Revenue");
    assertThat((BigDecimal) row.get("confidence")).isEqualByComparingTo("1.0");
    assertThat(row.get("classification_reason")).isEqualTo("Crypto invoice payment from Exos Capital");
    assertThat(row.get("origin")).isEqualTo("External Account");
    assertThat(row.get("destination")).isEqualTo("Delta Paraguay Operations");
    assertThat(row.get("identifier")).isEqualTo(invoice.invoiceNumber());
    assertThat(row.get("currency")).isEqualTo("USDT");
    assertThat(row.get("created_at")).isNotNull();

    CfoSyncMapping mapping = syncs.find(invoice.id()).orElseThrow();
    assertThat(mapping.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
    assertThat(mapping.cfoTransactionId()).isEqualTo(result.cfoTransactionId());
    assertThat(mapping.syncTimestamp()).isEqualTo(result.syncedAt());
    assertThat(mapping.entityMapped()).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(mapping.businessUnitMapped()).isEqualTo("Paraguay Hosting");
    assertThat(mapping.categoryMapped()).isEqualTo("Revenue");
    assertThat(mapping.subcategoryMapped()).isEqualTo("Client Hosting Revenue");
    assertThat(mapping.confidenceScore()).isEqualByComparingTo("1.0");
    assertThat(mapping.retryCount()).isZero();

    LoggedAttempt attempt = queries.attempts(invoice.id()).get(0);
    assertThat(attempt.syncStatus()).isEqualTo("synced");
    assertThat(attempt.cfoTransactionId()).isEqualTo(result.cfoTransactionId());
    JsonNode request = JSON.readTree(attempt.requestPayload());
    assertThat(request.get("Identifier").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(request.get("Amount").decimalValue()).isEqualByComparingTo("12500.50");
    assertThat(request.get("Date").asText()).isEqualTo(paidAt.toString());
    assertThat(request.get("subcategory").asText()).isEqualTo("Client Hosting Revenue");
    JsonNode response = JSON.readTree(attempt.responseData());
    assertThat(response.get("cfo_transaction_id").asLong()).isEqualTo(result.cfoTransactionId());
    assertThat(response.get("linked_existing").asBoolean()).isFalse();
  }

  @Test
  void aClientsOwnMappingTakesPrecedenceOverTheNameTable() {
    // The name table maps "exos capital" (any case) to Paraguay Hosting; this client says otherwise.
    Client client =
        clients.create(
            1L,
            new ClientFields("EXOS CAPITAL " + System.nanoTime(), null, null, null, "Delta Hosting S.A.", "Asuncion Hosting"));
    Client unmapped = clients.create(1L, new ClientFields("Exos Capital " + System.nanoTime(), null, null, null, null, null));
    InvoiceRecord mapped = paidInvoice(client.id(), "10.00", "November 2025", "Hosting", hoursAgo(2));
    InvoiceRecord byName = paidInvoice(unmapped.id(), "10.00", "November 2025", "Hosting", hoursAgo(2));

    worker(activities).syncInvoice(mapped.id());
    worker(activities).syncInvoice(byName.id());

    CfoSyncMapping own = syncs.find(mapped.id()).orElseThrow();
    assertThat(own.entityMapped()).isEqualTo("Delta Hosting S.A.");
    assertThat(own.businessUnitMapped()).isEqualTo("Asuncion Hosting");
    // Not a listed name: the fallback ("Other") applies.
    assertThat(syncs.find(byName.id()).orElseThrow().businessUnitMapped()).isEqualTo("Paraguay Operations");
  }

  @Test
  void syncingAgainAnswersWithTheBookedRowAndLogsTheAttempt() {
    InvoiceRecord invoice = paidInvoice();
    CfoSyncActivities worker = worker(activities);
    CfoSyncResult first = worker.syncInvoice(invoice.id());

    CfoSyncResult again = worker.syncInvoice(invoice.id());

    assertThat(again.cfoTransactionId()).isEqualTo(first.cfoTransactionId());
    assertThat(again.syncedAt()).isEqualTo(first.syncedAt());
    assertThat(again.linkedExisting()).isTrue();
    assertThat(ledgerRows(invoice.invoiceNumber())).isEqualTo(1);
    assertThat(queries.attempts(invoice.id())).extracting(LoggedAttempt::syncStatus).containsExactly("synced", "synced");
  }

  @Test
  void aLedgerThatIsDownIsRetriedAfterAMinuteAndBooksOnceWhenItIsBack() throws Exception {
    InvoiceRecord invoice = paidInvoice();

    ApplicationFailure down =
        failureOf(() -> worker(activitiesWithLedger(unreachableLedger(), clock)).syncInvoice(invoice.id()));

    assertThat(down.isNonRetryable()).isFalse();
    assertThat(down.getType()).isEqualTo(CfoSyncActivitiesImpl.UNAVAILABLE);
    assertThat(down.getNextRetryDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(down.getOriginalMessage()).contains("refused");
    assertThat(ledgerRows(invoice.invoiceNumber())).isZero();
    CfoSyncMapping retrying = syncs.find(invoice.id()).orElseThrow();
    assertThat(retrying.syncStatus()).isEqualTo(CfoSyncStatus.RETRY);
    assertThat(retrying.retryCount()).isEqualTo(1);
    assertThat(retrying.syncError()).contains("refused");

    CfoSyncResult back = worker(activitiesWithLedger(ledgerDataSource, clock)).syncInvoice(invoice.id());

    assertThat(back.linkedExisting()).isFalse();
    assertThat(ledgerRows(invoice.invoiceNumber())).isEqualTo(1);
    CfoSyncMapping synced = syncs.find(invoice.id()).orElseThrow();
    assertThat(synced.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
    assertThat(synced.cfoTransactionId()).isEqualTo(back.cfoTransactionId());
    assertThat(synced.syncError()).isNull();
    assertThat(synced.retryCount()).isEqualTo(1);
    List<LoggedAttempt> attempts = queries.attempts(invoice.id());
    assertThat(attempts).extracting(LoggedAttempt::syncStatus).containsExactly("retry", "synced");
    JsonNode failed = JSON.readTree(attempts.get(0).responseData());
    assertThat(failed.get("retryable").asBoolean()).isTrue();
    assertThat(failed.get("retry_in_seconds").asLong()).isEqualTo(60);
    assertThat(JSON.readTree(attempts.get(0).requestPayload()).get("Identifier").asText())
        .isEqualTo(invoice.invoiceNumber());
  }

  @Test
  void aRowAlreadyInTheLedgerUnderTheInvoiceNumberIsLinkedNotDuplicated() {
    InvoiceRecord invoice = paidInvoice();
    // Booked by hand in the CFO system, with the invoice number as its Identifier.
    long manual =
        JdbcClient.create(ledgerDataSource)
            .sql(
                """
                INSERT INTO transactions (date, description, amount, identifier, currency)
                VALUES (?, 'Booked by hand', 5000.00, ?, 'USDT') RETURNING id
                """)
            .params(Timestamp.from(hoursAgo(1)), invoice.invoiceNumber())
            .query(Long.class)
            .single();

    CfoSyncResult result = worker(activities).syncInvoice(invoice.id());

    assertThat(result.linkedExisting()).isTrue();
    assertThat(result.cfoTransactionId()).isEqualTo(manual);
    assertThat(ledgerRows(invoice.invoiceNumber())).isEqualTo(1);
    CfoSyncMapping mapping = syncs.find(invoice.id()).orElseThrow();
    assertThat(mapping.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
    assertThat(mapping.cfoTransactionId()).isEqualTo(manual);
  }

  @Test
  void aRowBookedByAnAttemptThatDiedBeforeRecordingItIsLinked() {
    InvoiceRecord invoice = paidInvoice();
    // The ledger committed, then the worker died before our side recorded anything.
    long booked = ledger.book(classifier.entryFor(invoice)).transactionId();
    assertThat(syncs.find(invoice.id())).isEmpty();

    CfoSyncResult result = worker(activities).syncInvoice(invoice.id());

    assertThat(result.cfoTransactionId()).isEqualTo(booked);
    assertThat(result.linkedExisting()).isTrue();
    assertThat(ledgerRows(invoice.invoiceNumber())).isEqualTo(1);
    assertThat(syncs.find(invoice.id()).orElseThrow().cfoTransactionId()).isEqualTo(booked);
  }

  @Test
  void anInvoiceWithoutPaymentTimeIsRefusedForGoodAndNothingIsBooked() {
    InvoiceRecord invoice = paidInvoice();
    jdbc.sql("UPDATE invoices SET paid_at = NULL WHERE id = ?").param(invoice.id()).update();

    ApplicationFailure refused = failureOf(() -> worker(activities).syncInvoice(invoice.id()));

    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getType()).isEqualTo(CfoSyncActivities.VALIDATION_FAILED);
    assertThat(refused.getOriginalMessage()).contains(invoice.invoiceNumber()).contains("paid_at");
    assertThat(ledgerRows(invoice.invoiceNumber())).isZero();
    CfoSyncMapping mapping = syncs.find(invoice.id()).orElseThrow();
    assertThat(mapping.syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
    assertThat(mapping.retryCount()).isZero();
    assertThat(queries.attempts(invoice.id())).extracting(LoggedAttempt::syncStatus).containsExactly("failed");
  }

  @Test
  void anUnpaidInvoiceIsRefusedForGood() {
    InvoiceRecord draft = invoice(GM_DATA_CENTERS, "800.00", "November 2025", "Colocation");

    ApplicationFailure refused = failureOf(() -> worker(activities).syncInvoice(draft.id()));

    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getType()).isEqualTo(CfoSyncActivities.VALIDATION_FAILED);
    assertThat(refused.getOriginalMessage()).contains("draft, not paid");
    assertThat(ledgerRows(draft.invoiceNumber())).isZero();
  }

  @Test
  void anUnknownInvoiceIsRefusedForGood() {
    ApplicationFailure refused = failureOf(() -> worker(activities).syncInvoice(987_654_321L));

    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getType()).isEqualTo(CfoSyncActivities.VALIDATION_FAILED);
  }

  @Test
  void aLedgerWithoutTheExpectedTableIsASchemaErrorNotRetried() {
    InvoiceRecord invoice = paidInvoice();

    ApplicationFailure refused =
        failureOf(() -> worker(activitiesWithLedger(ledgerInSchema("no_such_schema"), clock)).syncInvoice(invoice.id()));

    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getType()).isEqualTo(CfoSyncActivities.VALIDATION_FAILED);
    assertThat(refused.getOriginalMessage()).contains("transactions");
    assertThat(syncs.find(invoice.id()).orElseThrow().syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
  }

  @Test
  void markFailedIsIdempotentAndNeverUndoesABooking() {
    InvoiceRecord failing = paidInvoice();
    failureOf(() -> worker(activitiesWithLedger(unreachableLedger(), clock)).syncInvoice(failing.id()));

    activities.markFailed(failing.id(), "ledger unreachable after 4 attempts");
    CfoSyncMapping failed = syncs.find(failing.id()).orElseThrow();
    activities.markFailed(failing.id(), "told again");

    assertThat(failed.syncStatus()).isEqualTo(CfoSyncStatus.FAILED);
    assertThat(failed.syncError()).isEqualTo("ledger unreachable after 4 attempts");
    assertThat(syncs.find(failing.id()).orElseThrow()).isEqualTo(failed);

    InvoiceRecord booked = paidInvoice();
    CfoSyncResult result = worker(activities).syncInvoice(booked.id());
    activities.markFailed(booked.id(), "late and wrong");
    CfoSyncMapping stillBooked = syncs.find(booked.id()).orElseThrow();
    assertThat(stillBooked.syncStatus()).isEqualTo(CfoSyncStatus.SYNCED);
    assertThat(stillBooked.cfoTransactionId()).isEqualTo(result.cfoTransactionId());
  }
}
