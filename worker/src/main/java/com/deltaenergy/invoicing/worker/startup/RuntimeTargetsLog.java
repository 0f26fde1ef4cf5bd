package com.deltaenergy.invoicing.worker.startup;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start, one line each, which exchange and which Temporal this worker (or the embedded
 * default, which runs one) talks to: a process pointed at the wrong one is seen at once.
 */
@Component
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
    log.info(exchangeLine(environment.getProperty("invoicing.mexc.base-url", "")));
    log.info(temporalLine(stubs.getOptions().getTarget(), client.getOptions().getNamespace(),
        environment.getProperty("invoicing.temporal.task-queue", "")));
  }

  static String exchangeLine(String baseUrl) {
    String kind = baseUrl.replaceAll("/+$", "").endsWith("/sandbox") ? "sandbox exchange" : "MEXC";
    return "Exchange: " + kind + " at " + baseUrl;
  }

  public static String temporalLine(String target, String namespace, String taskQueue) {
    return "Temporal: " + (target == null ? "in-process test service" : target) + ", namespace " + namespace
        + ", task queue " + taskQueue;
  }
}
