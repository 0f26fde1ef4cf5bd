package com.deltaenergy.invoicing.workflows.exchange;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class ExchangeDiagnosticsWorkflowImpl implements ExchangeDiagnosticsWorkflow {

  // A caller is waiting: a couple of quick attempts, then report the failure.
  private final ExchangeActivities exchange =
      Workflow.newActivityStub(
          ExchangeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(15))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setMaximumAttempts(2)
                      .setInitialInterval(Duration.ofMillis(500))
                      .build())
              .build());

  @Override
  public ExchangeDiagnostics run(ExchangeDiagnosticsRequest request) {
    return switch (request.kind()) {
      case CHECK -> new ExchangeDiagnostics(exchange.checkExchange(), null);
      case PRICE ->
          new ExchangeDiagnostics(null, exchange.currentPrice(request.currency(), request.network()));
    };
  }
}
