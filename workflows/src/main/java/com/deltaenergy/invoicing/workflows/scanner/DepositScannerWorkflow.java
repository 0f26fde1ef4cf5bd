package com.deltaenergy.invoicing.workflows.scanner;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Polls the exchange every POLLING_INTERVAL_SECONDS on durable timers, one scan per cycle for all
 * open invoices. A single instance runs per namespace (its workflow id is fixed), so the exchange
 * sees one call per coin per cycle whatever the number of invoices or workers.
 */
@WorkflowInterface
public interface DepositScannerWorkflow {

  String WORKFLOW_ID = "deposit-scanner";

  @WorkflowMethod
  void run(Duration pollingInterval);
}
