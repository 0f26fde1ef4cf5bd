package com.deltaenergy.invoicing.activities.invoice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSettings.class)
class InvoiceActivitiesConfiguration {}
