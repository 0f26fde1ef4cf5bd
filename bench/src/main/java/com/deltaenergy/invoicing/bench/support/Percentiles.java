package com.deltaenergy.invoicing.bench.support;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of measured values (no interpolation: every figure was observed). */
public final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  public static Percentiles of(Collection<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Percentiles(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /** The smallest value with at least p % of the values at or below it; 0 when there are none. */
  public long at(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public long max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  public long min() {
    return sorted.length == 0 ? 0 : sorted[0];
  }

  public double mean() {
    return sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0);
  }
}
