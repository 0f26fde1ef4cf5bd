package com.deltaenergy.invoicing.bench.load;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** Counts the events in a workflow's current run, read from the Temporal service over gRPC. */
final class WorkflowHistories implements AutoCloseable {

  private final WorkflowServiceStubs service;
  private final String namespace;

  WorkflowHistories(String target, String namespace) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    this.namespace = namespace;
  }

  /** Events in the latest run of the workflow (the whole history, page by page). */
  long events(String workflowId) {
    long events = 0;
    ByteString page = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response =
          service
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .setNextPageToken(page)
                      .build());
      events += response.getHistory().getEventsCount();
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    return events;
  }

  /** The workflow's latest run has ended (completed, failed, ...). */
  boolean closed(String workflowId) {
    WorkflowExecutionStatus status =
        service
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build())
            .getWorkflowExecutionInfo()
            .getStatus();
    return status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
