package com.deltaenergy.invoicing.api.invoice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkflowCallLimits.class, DueDateWindow.class})
class InvoiceApiConfiguration {}
