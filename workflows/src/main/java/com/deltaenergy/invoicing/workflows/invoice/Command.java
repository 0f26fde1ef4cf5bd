package com.deltaenergy.invoicing.workflows.invoice;

import io.temporal.failure.ApplicationFailure;

/**
 * An operator request waiting to be applied by the invoice workflow's main loop, and its outcome.
 * The update handler queues it and waits; the loop executes it in order with everything else.
 */
abstract class Command<T> {

  static <T> Command<T> of(java.util.function.Supplier<T> operation) {
    return new Command<>() {
      @Override
      T apply() {
        return operation.get();
      }
    };
  }

  /** An operation with no outcome but success or refusal. */
  static Command<Void> doing(Runnable operation) {
    return of(() -> {
      operation.run();
      return null;
    });
  }

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
