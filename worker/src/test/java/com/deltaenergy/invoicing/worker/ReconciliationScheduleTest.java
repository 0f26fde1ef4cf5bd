package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.reconciliation.ReconciliationReportWorkflow;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker makes sure the daily report runs once a day in Temporal, not in the application:
 * the test service has no Schedules (CreateSchedule is unimplemented there), so the worker falls
 * back to a cron workflow of a fixed id; a real server gets the Schedule itself.
 */
@TestPropertySource(properties = "invoicing.reconciliation.schedule-enabled=true")
class ReconciliationScheduleTest extends WorkerIntegrationTest {

  @Test
  void aServiceWithoutSchedulesRunsTheReportAsOneDailyCronWorkflow() {
    WorkflowExecutionInfo info =
        client.getWorkflowServiceStubs().blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(ReconciliationReportWorkflow.SCHEDULE_ID + "-cron"))
                    .build())
            .getWorkflowExecutionInfo();
    assertThat(info.getType().getName()).isEqualTo("ReconciliationReportWorkflow");
    assertThat(info.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(info.getTaskQueue()).isEqualTo(taskQueue);
  }
}
