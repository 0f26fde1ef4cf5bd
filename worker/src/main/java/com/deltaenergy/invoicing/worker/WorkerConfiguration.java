package com.deltaenergy.invoicing.worker;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Worker-side periodic jobs (the exchange health check) run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WorkerConfiguration {}
