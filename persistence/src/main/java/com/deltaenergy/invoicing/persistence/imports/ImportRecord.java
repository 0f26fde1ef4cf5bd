package com.deltaenergy.invoicing.persistence.imports;

import java.time.Instant;

/** An import as stored, with the tally of its rows now. */
public record ImportRecord(
    long id,
    long tenantId,
    String mode,
    boolean validateOnly,
    String status,
    int totalRows,
    int validRows,
    int invalidRows,
    String workflowId,
    Instant createdAt,
    Instant finishedAt,
    ImportTally tally) {}
