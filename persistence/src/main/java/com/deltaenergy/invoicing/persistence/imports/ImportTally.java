package com.deltaenergy.invoicing.persistence.imports;

/**
 * What became of an import's valid rows so far: created (invoices stored, or found already stored
 * under the same external reference), issued (address, rate and document ready), failed.
 */
public record ImportTally(int created, int existing, int issued, int failed, int pending) {}
