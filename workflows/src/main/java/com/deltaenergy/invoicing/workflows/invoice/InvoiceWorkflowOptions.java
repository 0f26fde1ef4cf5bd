package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;

/**
 * The workflow options of an invoice workflow and the names in them, shared by everything that
 * starts, finds or serves one: task queue, workflow id, search attributes, summary.
 */
public final class InvoiceWorkflowOptions {

  /** Default task queue; deployments override it with {@code invoicing.temporal.task-queue}. */
  public static final String DEFAULT_TASK_QUEUE = "crypto-invoices";

  /**
   * The task queue of notification deliveries beside an invoice task queue: its own worker takes
   * them at the mail provider's pace (NOTIFICATION_DELIVERIES_PER_SECOND), so a bulk import's
   * thousand e-mails queue there instead of taking the CPU that issuing needs, or the provider's
   * sending quota.
   */
  public static String notificationTaskQueue(String invoiceTaskQueue) {
    return invoiceTaskQueue + "-notifications";
  }

  public static final SearchAttributeKey<String> INVOICE_NUMBER =
      SearchAttributeKey.forKeyword("InvoiceNumber");
  public static final SearchAttributeKey<String> INVOICE_STATUS =
      SearchAttributeKey.forKeyword("InvoiceStatus");
  public static final SearchAttributeKey<String> CLIENT_NAME =
      SearchAttributeKey.forKeyword("ClientName");

  private static final String WORKFLOW_ID_PREFIX = "invoice-";

  private InvoiceWorkflowOptions() {}

  /** Invoice numbers are globally unique (prefixes are unique per tenant), so is this id. */
  public static String workflowId(String invoiceNumber) {
    return WORKFLOW_ID_PREFIX + invoiceNumber;
  }

  /**
   * Options every start of an invoice workflow uses (API create and recovery alike). Starting is
   * idempotent: a running workflow with the id is reused, a closed one is never started again.
   */
  public static WorkflowOptions startOptions(
      String taskQueue, String invoiceNumber, String clientName, InvoiceStatus status) {
    return builder(taskQueue, invoiceNumber, clientName, status).build();
  }

  /**
   * {@link #startOptions(String, String, String, InvoiceStatus)} with the summary the Temporal Web
   * UI shows for the run: number, client and amount (static: the terms of an invoice do not change).
   */
  public static WorkflowOptions startOptions(
      String taskQueue, String invoiceNumber, String clientName, InvoiceStatus status,
      java.math.BigDecimal amountUsd, PaymentNetwork network, java.time.LocalDate dueDate) {
    return builder(taskQueue, invoiceNumber, clientName, status)
        .setStaticSummary(staticSummary(invoiceNumber, clientName, amountUsd, network))
        .setStaticDetails(
            "Invoice " + invoiceNumber + " to " + clientName + ": USD " + amountUsd.toPlainString()
                + " payable in " + network.currency() + " on " + network.displayName() + ", due " + dueDate
                + ". Why it waits: the run's current details; each timer says what it waits for.")
        .build();
  }

  /** e.g. "DPY-2026-11-0001 · Alps Blockchain · USD 5000.00 in USDT/TRC20". */
  public static String staticSummary(
      String invoiceNumber, String clientName, java.math.BigDecimal amountUsd, PaymentNetwork network) {
    return invoiceNumber + " · " + clientName + " · USD " + amountUsd.toPlainString() + " in "
        + network.currency() + "/" + network.name();
  }

  private static WorkflowOptions.Builder builder(
      String taskQueue, String invoiceNumber, String clientName, InvoiceStatus status) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(invoiceNumber))
        .setTaskQueue(taskQueue)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(INVOICE_NUMBER, invoiceNumber)
                .set(INVOICE_STATUS, status.wireName())
                .set(CLIENT_NAME, clientName)
                .build());
  }
}
