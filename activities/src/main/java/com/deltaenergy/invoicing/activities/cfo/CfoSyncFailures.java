package com.deltaenergy.invoicing.activities.cfo;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.TypeMismatchDataAccessException;

/**
 * Tells the failures retrying cannot fix (the invoice is not bookable, the ledger's schema does not
 * match, the ledger rejects the data) from the ones it can: everything else — network, timeouts,
 * pool exhaustion, transient database errors, and anything unforeseen, since a retry can never
 * book twice.
 */
final class CfoSyncFailures {

  private CfoSyncFailures() {}

  static boolean isPermanent(RuntimeException e) {
    return e instanceof CfoValidationException
        // bad SQL grammar, unknown table or column: the schema is not what we expect
        || e instanceof InvalidDataAccessResourceUsageException
        // check, not-null, value too long: the ledger rejects the data itself
        || e instanceof DataIntegrityViolationException
        || e instanceof TypeMismatchDataAccessException;
  }

  /** The most specific message: the database's own words rather than Spring's wrapping. */
  static String describe(RuntimeException e) {
    if (e instanceof CfoValidationException) {
      return e.getMessage();
    }
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return (isPermanent(e) ? "the CFO ledger refused the row: " : "temporarily unable to book: ") + message.strip();
  }
}
