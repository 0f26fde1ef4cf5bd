package com.deltaenergy.invoicing.persistence.imports;

import com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository.PendingRow;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates one import row's invoice and records it on the row in the same transaction, so a worker
 * killed at any point leaves either both or neither. An invoice already stored under the row's
 * external reference (an earlier upload of the same file, or a concurrent one) is recorded as
 * {@code existing} instead of created again.
 */
@Component
public class ImportedInvoiceCreation {

  private final InvoiceRepository invoices;
  private final InvoiceImportRepository imports;
  private final TransactionTemplate transactions;

  public ImportedInvoiceCreation(
      InvoiceRepository invoices, InvoiceImportRepository imports, TransactionTemplate transactions) {
    this.invoices = invoices;
    this.imports = imports;
    this.transactions = transactions;
  }

  /** The row's invoice: created now, or the one stored before under its external reference. */
  public Optional<InvoiceRecord> create(long importId, boolean draft, PendingRow row) {
    try {
      return transactions.execute(status -> createOrFind(importId, draft, row));
    } catch (DuplicateKeyException raced) {
      // Another import created it between our look-up and insert; this transaction rolled back.
      return transactions.execute(status -> createOrFind(importId, draft, row));
    }
  }

  private Optional<InvoiceRecord> createOrFind(long importId, boolean draft, PendingRow row) {
    long tenantId = row.invoice().tenantId();
    Optional<Long> existing = invoices.idByExternalReference(tenantId, row.externalReference());
    if (existing.isPresent()) {
      imports.rowDone(importId, row.rowNumber(), "existing", existing.get(), null);
      return Optional.empty();
    }
    InvoiceRecord created = invoices.createImported(row.invoice(), row.externalReference(), draft, row.requestJson());
    imports.rowDone(importId, row.rowNumber(), "created", created.id(), null);
    return Optional.of(created);
  }
}
