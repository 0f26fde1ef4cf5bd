package com.deltaenergy.invoicing.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal that knows its own HTTP status and title, so that {@link ApiExceptionHandler} can
 * answer it without knowing the feature that threw it (the features depend on {@code problem},
 * never the other way round). A 400 is answered as a validation problem without a field.
 */
public abstract class StatusProblemException extends RuntimeException {

  protected StatusProblemException(String message) {
    super(message);
  }

  public abstract HttpStatus status();

  /** The problem's title: the same for every occurrence of the status, as RFC 9457 asks. */
  public abstract String title();
}
