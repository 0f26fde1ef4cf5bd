package com.deltaenergy.invoicing.workflows.imports;

/**
 * What one page did: the last row it covered (the next page starts after it) and how many of its
 * rows were created, found existing and failed; {@code issued} is how many of the whole import's
 * new invoices are issued by now; {@code last} when no valid row follows.
 */
public record ImportPage(int lastRow, int created, int existing, int issued, int failed, boolean last) {}
