package com.deltaenergy.invoicing.persistence.invoice;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoice creation under an {@code Idempotency-Key}: the key, its request's hash and the invoice
 * are stored in one transaction, and the primary key (tenant_id, idempotency_key) decides between
 * concurrent requests. A second request with the key waits on the first one's insert; once that
 * commits it finds the first request's invoice (or, had it rolled back, creates its own).
 */
@Repository
public class IdempotentInvoiceCreation {

  private final JdbcClient jdbc;
  private final InvoiceRepository invoices;

  public IdempotentInvoiceCreation(JdbcClient jdbc, InvoiceRepository invoices) {
    this.jdbc = jdbc;
    this.invoices = invoices;
  }

  /** What became of a request with a key. */
  public sealed interface Outcome {}

  /** The first request with the key: this invoice was created for it. */
  public record Created(InvoiceRecord invoice) implements Outcome {}

  /** The key was used before for the same request: its invoice. */
  public record Replayed(long invoiceId) implements Outcome {}

  /** The key was used before for a different request. */
  public record KeyReused() implements Outcome {}

  /** What an earlier request with this key got, without waiting for one in progress. */
  public Optional<Outcome> previous(long tenantId, String key, String requestHash) {
    return jdbc.sql(
            "SELECT request_hash, invoice_id FROM invoice_idempotency_keys WHERE tenant_id = ? AND idempotency_key = ?")
        .params(tenantId, key)
        .query(StoredKey.class)
        .optional()
        .flatMap(stored -> stored.outcomeFor(requestHash));
  }

  record StoredKey(String requestHash, Long invoiceId) {
    /** Empty while no invoice is recorded (only inside the transaction that creates it). */
    Optional<Outcome> outcomeFor(String hash) {
      if (!requestHash.equals(hash)) {
        return Optional.of(new KeyReused());
      }
      return Optional.ofNullable(invoiceId).map(Replayed::new);
    }
  }

  /** Creates the invoice unless a request with this key did already. */
  @Transactional
  public Outcome create(String key, String requestHash, NewInvoice invoice) {
    return create(key, requestHash, invoice, invoices::create);
  }

  /** Stores the draft unless a request with this key did already. */
  @Transactional
  public Outcome createDraft(String key, String requestHash, NewInvoice invoice, String requestJson) {
    return create(key, requestHash, invoice, draft -> invoices.createDraft(draft, requestJson));
  }

  private Outcome create(
      String key, String requestHash, NewInvoice invoice, java.util.function.Function<NewInvoice, InvoiceRecord> store) {
    int claimed =
        jdbc.sql(
                """
                INSERT INTO invoice_idempotency_keys (tenant_id, idempotency_key, request_hash)
                VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                """)
            .params(invoice.tenantId(), key, requestHash)
            .update();
    if (claimed == 0) {
      // Another transaction holds (committed) the key.
      return previous(invoice.tenantId(), key, requestHash)
          .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " vanished"));
    }
    InvoiceRecord created = store.apply(invoice);
    jdbc.sql("UPDATE invoice_idempotency_keys SET invoice_id = ? WHERE tenant_id = ? AND idempotency_key = ?")
        .params(created.id(), invoice.tenantId(), key)
        .update();
    return new Created(created);
  }
}
