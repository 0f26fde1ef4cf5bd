package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.i18n.InvoicingMessages;
import com.deltaenergy.invoicing.activities.tenant.DocumentSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentConfiguration {

  @Bean
  InvoicePdfRenderer invoicePdfRenderer(InvoicingMessages messages) {
    return new InvoicePdfRenderer(messages);
  }
}
