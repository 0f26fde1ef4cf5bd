package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.temporal.spring.boot.autoconfigure.properties.TemporalProperties;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker's sizing (issue 14) comes from the environment variables the README lists, with the
 * 2-core defaults of worker-defaults.yml where none is set.
 */
@TestPropertySource(
    properties = {
      "WORKER_WORKFLOW_TASK_SLOTS=7", "WORKER_WORKFLOW_CACHE_SIZE=123", "NOTIFICATION_DELIVERIES_PER_SECOND=3.5"
    })
class WorkerSizingTest extends WorkerIntegrationTest {

  @Autowired WorkerFactory factory;
  @Autowired TemporalProperties temporal;

  @Value("${invoicing.temporal.task-queue}")
  String taskQueue;

  @Test
  void theInvoiceWorkerIsSizedByTheEnvironmentWithTwoCoreDefaults() {
    WorkerOptions options = factory.getWorker(taskQueue).getWorkerOptions();

    assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(7);
    assertThat(temporal.getWorkflowCache().getMaxInstances()).isEqualTo(123);
    // Not set here: the defaults.
    assertThat(temporal.getWorkflowCache().getMaxThreads()).isEqualTo(400);
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(64);
    assertThat(options.getMaxConcurrentLocalActivityExecutionSize()).isEqualTo(64);
    assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(16);
    assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(4);
  }

  /**
   * Deliveries have a worker of their own on the notification task queue, at the pace the
   * environment sets: for every worker together (the server's limit) and for this one.
   */
  @Test
  void deliveriesArePacedOnTheNotificationTaskQueue() {
    Worker worker = factory.tryGetWorker(InvoiceWorkflowOptions.notificationTaskQueue(taskQueue));
    assertThat(worker).as("a worker polls the notification task queue").isNotNull();
    WorkerOptions options = worker.getWorkerOptions();

    assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(3.5);
    assertThat(options.getMaxWorkerActivitiesPerSecond()).isEqualTo(3.5);
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(8);
  }
}
