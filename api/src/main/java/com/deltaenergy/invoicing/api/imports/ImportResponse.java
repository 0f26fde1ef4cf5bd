package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.persistence.imports.ImportRecord;
import com.deltaenergy.invoicing.persistence.imports.ImportTally;
import com.deltaenergy.invoicing.workflows.imports.ImportProgress;
import java.time.Instant;

/**
 * An import and its progress. The counts are the stored rows' (the truth, also once the workflow
 * is gone); {@code seconds_left} is the running workflow's estimate.
 *
 * @param status validated (validate_only, or no valid row), importing, completed
 */
public record ImportResponse(
    long id,
    String mode,
    boolean validateOnly,
    String status,
    int total,
    int valid,
    int invalid,
    int created,
    int existing,
    int issued,
    int failed,
    int pending,
    Long secondsLeft,
    String resultsUrl,
    Instant createdAt,
    Instant finishedAt) {

  public static ImportResponse of(ImportRecord record, ImportTally tally, ImportProgress progress) {
    String status = record.status();
    return new ImportResponse(
        record.id(), record.mode(), record.validateOnly(), status, record.totalRows(), record.validRows(),
        record.invalidRows(), tally.created(), tally.existing(), tally.issued(), tally.failed(), tally.pending(),
        status.equals("importing") && progress != null ? progress.secondsLeft() : status.equals("importing") ? null : 0L,
        "/api/invoices/imports/" + record.id() + "/results.csv", record.createdAt(), record.finishedAt());
  }
}
