package com.deltaenergy.invoicing.workflows.reconciliation;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

public class ReconciliationReportWorkflowImpl implements ReconciliationReportWorkflow {

  // The ledger may be down for a while: the report waits for it (and is mailed once it is in).
  private final ReconciliationActivities activities =
      Workflow.newActivityStub(
          ReconciliationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setScheduleToCloseTimeout(Duration.ofHours(12))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(30))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(30))
                      .build())
              .build());

  @Override
  public int run(String date) {
    String day =
        date != null
            ? date
            : LocalDate.ofInstant(Instant.ofEpochMilli(Workflow.currentTimeMillis()), ZoneOffset.UTC).minusDays(1).toString();
    return activities.compileDailyReports(day);
  }
}
