package com.deltaenergy.invoicing.api.startup;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start, one line each, which exchange and which Temporal the API process talks to. The
 * API makes no exchange calls of its own (the workers do); in the embedded default the worker's
 * log says both, so this one stays quiet where an exchange is configured.
 */
@Component("apiRuntimeTargetsLog")
@ConditionalOnExpression("'${invoicing.mexc.base-url:}'.isEmpty()")
public class RuntimeTargetsLog {

  private static final Logger log = LoggerFactory.getLogger(RuntimeTargetsLog.class);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final Environment environment;

  public RuntimeTargetsLog(WorkflowServiceStubs stubs, WorkflowClient client, Environment environment) {
    this.stubs = stubs;
    this.client = client;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void logTargets() {
    String taskQueue = environment.getProperty("invoicing.temporal.task-queue", "");
    log.info("Exchange: none in this process; the workers on task queue " + taskQueue + " call it");
    String target = stubs.getOptions().getTarget();
    log.info("Temporal: " + (target == null ? "in-process test service" : target) + ", namespace "
        + client.getOptions().getNamespace() + ", task queue " + taskQueue);
  }
}
