package com.deltaenergy.invoicing.app.pay;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the application's calls to the Temporal service by RPC (QueryWorkflow,
 * DescribeWorkflowExecution, ...), so a test can show what a page view costs Temporal.
 */
public class TemporalCallCounter implements ClientInterceptor {

  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    calls.computeIfAbsent(method.getBareMethodName(), m -> new AtomicLong()).incrementAndGet();
    return next.newCall(method, options);
  }

  public long count(String rpc) {
    AtomicLong count = calls.get(rpc);
    return count == null ? 0 : count.get();
  }

  /** The calls that read or change one workflow: what a viewer could cost if the page asked Temporal. */
  public long workflowCalls() {
    return List.of("QueryWorkflow", "DescribeWorkflowExecution", "GetWorkflowExecutionHistory",
            "SignalWorkflowExecution", "UpdateWorkflowExecution", "PollWorkflowExecutionUpdate",
            "ListWorkflowExecutions", "CountWorkflowExecutions")
        .stream().mapToLong(this::count).sum();
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Wiring {

    @Bean
    TemporalCallCounter temporalCallCounter() {
      return new TemporalCallCounter();
    }

    @Bean
    TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> countTemporalCalls(TemporalCallCounter counter) {
      return builder -> builder.setGrpcClientInterceptors(List.of(counter));
    }
  }
}
