package com.deltaenergy.invoicing.activities.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentConfiguration {

  @Bean
  InvoicePdfRenderer invoicePdfRenderer() {
    return new InvoicePdfRenderer();
  }
}
