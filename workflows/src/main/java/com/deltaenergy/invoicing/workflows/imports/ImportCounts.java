package com.deltaenergy.invoicing.workflows.imports;

/**
 * An import's rows: {@code total} = {@code valid} + {@code invalid}; of the valid ones,
 * {@code created} got a new invoice, {@code existing} found one stored before under the same
 * external reference, {@code failed} could not be created; {@code issued} of the new invoices
 * are issued (send mode).
 */
public record ImportCounts(
    int total, int valid, int invalid, int created, int existing, int issued, int failed) {

  public static ImportCounts validated(int total, int valid, int invalid) {
    return new ImportCounts(total, valid, invalid, 0, 0, 0, 0);
  }

  /** Valid rows dealt with so far. */
  public int done() {
    return created + existing + failed;
  }

  ImportCounts plus(ImportPage page) {
    return new ImportCounts(
        total, valid, invalid, created + page.created(), existing + page.existing(), page.issued(),
        failed + page.failed());
  }
}
