package com.deltaenergy.invoicing.persistence.support;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start, one line each, which exchange and which Temporal this process talks to, so a
 * process pointed at the wrong one is seen at once. A worker (or the embedded default, which runs
 * one) names its exchange; the API calls none of its own (the workers do) and says so. One class
 * for both processes: it sits in the lowest module they share, and stays quiet where no Temporal
 * client is configured.
 */
@Component
public class RuntimeTargetsLog {

  private static final Logger log = LoggerFactory.getLogger(RuntimeTargetsLog.class);

  private final ObjectProvider<WorkflowServiceStubs> stubs;
  private final ObjectProvider<WorkflowClient> client;
  private final Environment environment;

  public RuntimeTargetsLog(
      ObjectProvider<WorkflowServiceStubs> stubs, ObjectProvider<WorkflowClient> client, Environment environment) {
    this.stubs = stubs;
    this.client = client;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void logTargets() {
    WorkflowServiceStubs service = stubs.getIfAvailable();
    WorkflowClient workflows = client.getIfAvailable();
    if (service == null || workflows == null) {
      return;
    }
    String taskQueue = environment.getProperty("invoicing.temporal.task-queue", "");
    log.info(exchangeLine(environment.getProperty("invoicing.mexc.base-url", ""), taskQueue));
    log.info(temporalLine(service.getOptions().getTarget(), workflows.getOptions().getNamespace(), taskQueue));
  }

  /** The exchange at the configured base URL; none (the API process) where none is configured. */
  static String exchangeLine(String baseUrl, String taskQueue) {
    if (baseUrl.isEmpty()) {
      return "Exchange: none in this process; the workers on task queue " + taskQueue + " call it";
    }
    String kind = baseUrl.replaceAll("/+$", "").endsWith("/sandbox") ? "sandbox exchange" : "MEXC";
    return "Exchange: " + kind + " at " + baseUrl;
  }

  public static String temporalLine(String target, String namespace, String taskQueue) {
    return "Temporal: " + (target == null ? "in-process test service" : target) + ", namespace " + namespace
        + ", task queue " + taskQueue;
  }
}
