package com.deltaenergy.invoicing.persistence.imports;

import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import java.util.List;

/**
 * One validated row of an import's file: either the invoice it will create (with the create
 * request, kept for a draft) or the reasons it cannot.
 */
public record ImportRow(
    int rowNumber, String externalReference, NewInvoice invoice, String requestJson, List<RowError> errors) {

  /** Why a row is refused: the CSV column and the reason. */
  public record RowError(String field, String reason) {}

  public boolean valid() {
    return errors == null || errors.isEmpty();
  }
}
