package com.deltaenergy.invoicing.testsupport;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;

/**
 * Temporal's test server knows no custom search attributes; an invoice workflow sets these when it
 * starts. (The workflows module's own tests cannot use this module, which depends on it: its
 * {@code InvoiceWorkflowTestSupport} registers them itself.)
 */
public final class InvoiceSearchAttributes {

  private InvoiceSearchAttributes() {}

  public static TestEnvironmentOptions.Builder register(TestEnvironmentOptions.Builder builder) {
    return builder
        .registerSearchAttribute(InvoiceWorkflowOptions.INVOICE_NUMBER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute(InvoiceWorkflowOptions.INVOICE_STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute(InvoiceWorkflowOptions.CLIENT_NAME.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }

  /** A time-skipping test environment whose server knows the invoice search attributes. */
  public static TestWorkflowEnvironment newTestEnvironment() {
    return TestWorkflowEnvironment.newInstance(register(TestEnvironmentOptions.newBuilder()).build());
  }
}
