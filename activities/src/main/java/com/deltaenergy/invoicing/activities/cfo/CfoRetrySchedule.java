package com.deltaenergy.invoicing.activities.cfo;

import java.time.Duration;
import java.util.List;

/** After a transient failure, attempt n of a round is followed by the next after 1, 5, 15 minutes. */
final class CfoRetrySchedule {

  static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  private CfoRetrySchedule() {}

  /** The delay after the given attempt (1-based) failed; later attempts keep the last delay. */
  static Duration delayAfter(int attempt) {
    int index = Math.min(Math.max(attempt, 1), DELAYS.size()) - 1;
    return DELAYS.get(index);
  }
}
