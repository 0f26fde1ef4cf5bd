package com.deltaenergy.invoicing.workflows.scanner;

import com.deltaenergy.invoicing.workflows.scanner.DepositScanActivities.ScanResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class DepositScannerWorkflowImpl implements DepositScannerWorkflow {

  private static final Logger log = Workflow.getLogger(DepositScannerWorkflowImpl.class);
  /** About eleven events per cycle: a new run every hundred or so cycles. */
  static final int CONTINUE_AS_NEW_AFTER_EVENTS = 1_000;

  // One attempt per cycle: the next cycle is the retry.
  private final DepositScanActivities scans =
      Workflow.newActivityStub(
          DepositScanActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  @Override
  public void run(Duration pollingInterval) {
    Duration interval = pollingInterval;
    while (true) {
      // Cycles sit on a fixed grid (multiples of the interval since the epoch), so "next check"
      // is predictable and a restarted scanner keeps the same rhythm.
      long now = Workflow.currentTimeMillis();
      long step = interval.toMillis();
      long tick = (now / step + 1) * step;
      Workflow.sleep(Duration.ofMillis(tick - now));
      try {
        ScanResult result = scans.scan(tick);
        interval = result.pollingInterval();
      } catch (ActivityFailure e) {
        log.warn("Deposit scan of cycle {} failed: {}", tick, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      }
      if (Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_AFTER_EVENTS
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(interval);
      }
    }
  }
}
