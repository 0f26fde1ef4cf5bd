package com.deltaenergy.invoicing.api.health;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports whether the Temporal service answers, under {@code temporal} in /actuator/health. */
@Component("temporal")
public class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs service;

  public TemporalHealthIndicator(WorkflowServiceStubs service) {
    this.service = service;
  }

  @Override
  public Health health() {
    try {
      var info =
          service
              .blockingStub()
              .withDeadlineAfter(3, TimeUnit.SECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Health.up()
          .withDetail("target", target())
          .withDetail("server_version", info.getServerVersion())
          .build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("target", target())
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }

  /** The address it dials; an in-process service has none. */
  private String target() {
    String target = service.getOptions().getTarget();
    return target == null ? "in-process" : target;
  }
}
