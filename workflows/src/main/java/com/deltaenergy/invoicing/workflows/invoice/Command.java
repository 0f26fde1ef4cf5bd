package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.failure.ApplicationFailure;

/**
 * An operator request waiting to be applied by the invoice workflow's main loop, and its outcome.
 * The update handler queues it and waits; the loop executes it in order with everything else.
 */
abstract class Command<T> {
  private T result;
  private RuntimeException failure;
  private boolean done;

  abstract T apply();

  void execute() {
    try {
      result = apply();
    } catch (ApplicationFailure e) {
      failure = e;
    } finally {
      done = true;
    }
  }

  boolean done() {
    return done;
  }

  T outcome() {
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
