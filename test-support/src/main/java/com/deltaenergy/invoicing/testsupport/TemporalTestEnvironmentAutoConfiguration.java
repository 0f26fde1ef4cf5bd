package com.deltaenergy.invoicing.testsupport;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The starter's test server knows no custom search attributes; register the invoice ones. */
@AutoConfiguration
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "true")
public class TemporalTestEnvironmentAutoConfiguration {

  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> invoiceSearchAttributes() {
    return builder ->
        builder
            .registerSearchAttribute(
                InvoiceWorkflowOptions.INVOICE_NUMBER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .registerSearchAttribute(
                InvoiceWorkflowOptions.INVOICE_STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .registerSearchAttribute(
                InvoiceWorkflowOptions.CLIENT_NAME.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }
}
