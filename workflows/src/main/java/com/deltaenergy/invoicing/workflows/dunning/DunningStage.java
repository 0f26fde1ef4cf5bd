package com.deltaenergy.invoicing.workflows.dunning;

import java.time.Instant;

/**
 * One reminder of the dunning schedule.
 *
 * @param number 1 to 5; stage 5 hands the invoice to collections
 * @param offsetDays days relative to the due date (negative: before it)
 * @param dueAt when it goes out
 * @param sentAt when it went out, or null
 * @param skipped not sent because a later stage was already due (after a pause)
 */
public record DunningStage(int number, int offsetDays, Instant dueAt, Instant sentAt, boolean skipped) {

  public boolean open() {
    return sentAt == null && !skipped;
  }

  public DunningStage sent(Instant at) {
    return new DunningStage(number, offsetDays, dueAt, at, false);
  }

  public DunningStage skippedAt() {
    return new DunningStage(number, offsetDays, dueAt, null, true);
  }

  public DunningStage rescheduled(Instant newDueAt) {
    return new DunningStage(number, offsetDays, newDueAt, sentAt, skipped);
  }
}
