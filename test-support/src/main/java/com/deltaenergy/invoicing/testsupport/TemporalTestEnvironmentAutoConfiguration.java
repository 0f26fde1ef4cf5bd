package com.deltaenergy.invoicing.testsupport;

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
    return InvoiceSearchAttributes::register;
  }
}
