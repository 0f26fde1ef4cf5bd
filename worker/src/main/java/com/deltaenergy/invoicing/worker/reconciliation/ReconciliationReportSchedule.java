package com.deltaenergy.invoicing.worker.reconciliation;

import com.deltaenergy.invoicing.workflows.reconciliation.ReconciliationReportWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the Temporal Schedule that computes the daily reconciliation report exists: every day
 * at 01:00 UTC it starts one ReconciliationReportWorkflow for the day before, however many workers
 * run (the schedule is one per namespace; creating it again is a no-op). A Temporal service
 * without schedules (the embedded test server) gets a cron workflow of a fixed id instead, which
 * also runs once per day.
 */
@Component
@ConditionalOnExpression("${invoicing.reconciliation.schedule-enabled:${invoicing.scanner.auto-start:true}}")
public class ReconciliationReportSchedule {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationReportSchedule.class);
  static final String CRON = "0 1 * * *";

  private final WorkflowClient client;
  private final String taskQueue;

  public ReconciliationReportSchedule(WorkflowClient client, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureScheduled() {
    try {
      ensureSchedule();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        ensureCronWorkflow();
      } else {
        log.warn("Could not create the reconciliation report schedule: {}", e.toString());
      }
    } catch (RuntimeException e) {
      if (rootStatus(e) == Status.Code.UNIMPLEMENTED) {
        ensureCronWorkflow();
      } else {
        log.warn("Could not create the reconciliation report schedule: {}", e.toString());
      }
    }
  }

  /** Creates the schedule; one that exists already is left as it is. */
  void ensureSchedule() {
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build());
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(
                ScheduleActionStartWorkflow.newBuilder()
                    .setWorkflowType(ReconciliationReportWorkflow.class)
                    .setArguments((Object) null)
                    .setOptions(
                        WorkflowOptions.newBuilder()
                            .setWorkflowId(ReconciliationReportWorkflow.SCHEDULE_ID)
                            .setTaskQueue(taskQueue)
                            .build())
                    .build())
            .setSpec(
                ScheduleSpec.newBuilder()
                    .setCalendars(
                        List.of(
                            ScheduleCalendarSpec.newBuilder()
                                .setHour(List.of(new ScheduleRange(1)))
                                .setMinutes(List.of(new ScheduleRange(0)))
                                .build()))
                    .build())
            .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP).build())
            .build();
    try {
      schedules.createSchedule(ReconciliationReportWorkflow.SCHEDULE_ID, schedule, ScheduleOptions.newBuilder().build());
      log.info("Created Temporal schedule {} (daily at 01:00 UTC)", ReconciliationReportWorkflow.SCHEDULE_ID);
    } catch (ScheduleAlreadyRunningException exists) {
      log.debug("Temporal schedule {} exists", ReconciliationReportWorkflow.SCHEDULE_ID);
    }
  }

  private void ensureCronWorkflow() {
    ReconciliationReportWorkflow workflow =
        client.newWorkflowStub(
            ReconciliationReportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReconciliationReportWorkflow.SCHEDULE_ID + "-cron")
                .setTaskQueue(taskQueue)
                .setCronSchedule(CRON)
                .build());
    try {
      WorkflowClient.start(workflow::run, (String) null);
      log.info("Temporal service has no schedules: the reconciliation report runs as a cron workflow ({} UTC)", CRON);
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.debug("Reconciliation report cron workflow runs already");
    }
  }

  private static Status.Code rootStatus(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
  }
}
