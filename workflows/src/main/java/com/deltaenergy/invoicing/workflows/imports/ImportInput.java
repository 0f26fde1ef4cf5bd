package com.deltaenergy.invoicing.workflows.imports;

/**
 * An import's workflow input; a continued run carries the counts so far and the last row done.
 *
 * @param send true: issue each invoice (address, rate, PDF, e-mail); false: store drafts
 * @param startedAtMillis when the first run started (for the estimate of time left)
 */
public record ImportInput(
    long importId,
    boolean send,
    int pageSize,
    ImportCounts counts,
    int afterRow,
    long startedAtMillis) {

  /** Rows per activity call (how many are issued at once is the activity's in-flight window). */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** Pages per run before continuing as new: about 6 events a page keeps a run near 3,000. */
  public static final int PAGES_PER_RUN = 500;

  public static ImportInput start(long importId, boolean send, int total, int valid, int invalid) {
    return new ImportInput(importId, send, DEFAULT_PAGE_SIZE, ImportCounts.validated(total, valid, invalid), 0, 0);
  }
}
