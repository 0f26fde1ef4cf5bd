package com.deltaenergy.invoicing.worker.scanner;

import com.deltaenergy.invoicing.activities.invoice.PaymentSettings;
import com.deltaenergy.invoicing.workflows.scanner.DepositScannerWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the one deposit scanner running: started when a worker starts and checked every few
 * minutes. Starting is idempotent (the workflow id is fixed; a running scanner is reused), so any
 * number of workers can do it.
 */
@Component
@ConditionalOnProperty(name = "invoicing.scanner.auto-start", havingValue = "true", matchIfMissing = true)
public class DepositScannerLauncher {

  private static final Logger log = LoggerFactory.getLogger(DepositScannerLauncher.class);

  private final WorkflowClient client;
  private final PaymentSettings settings;
  private final String taskQueue;

  public DepositScannerLauncher(
      WorkflowClient client, PaymentSettings settings, @Value("${invoicing.temporal.task-queue}") String taskQueue) {
    this.client = client;
    this.settings = settings;
    this.taskQueue = taskQueue;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(initialDelayString = "5m", fixedDelayString = "5m")
  public void ensureRunning() {
    DepositScannerWorkflow scanner =
        client.newWorkflowStub(
            DepositScannerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DepositScannerWorkflow.WORKFLOW_ID)
                .setTaskQueue(taskQueue)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    try {
      var execution = WorkflowClient.start(scanner::run, settings.pollingInterval());
      log.debug("Deposit scanner running as {}", execution.getRunId());
    } catch (RuntimeException e) {
      log.warn("Could not make sure the deposit scanner runs: {}", e.toString());
    }
  }
}
