package com.deltaenergy.invoicing.workflows.scanner;

import io.temporal.activity.ActivityInterface;
import java.time.Duration;

/** One scan of every watched deposit address. */
@ActivityInterface(namePrefix = "DepositScan.")
public interface DepositScanActivities {

  /**
   * Reads each coin's deposit history once, compares what reached every watched address with what
   * was last reported, and signals the invoices whose addresses changed. Deposits to addresses of
   * closed invoices are recorded and flagged for an operator.
   *
   * @param tickEpochMillis the poll cycle this scan belongs to
   */
  ScanResult scan(long tickEpochMillis);

  /**
   * @param pollingInterval the configured interval, so a changed setting takes effect next cycle
   */
  record ScanResult(
      Duration pollingInterval, int coins, int exchangeCalls, int watches, int signals, int errors) {}
}
