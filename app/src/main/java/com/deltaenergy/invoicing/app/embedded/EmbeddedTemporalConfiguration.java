package com.deltaenergy.invoicing.app.embedded;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the in-process Temporal service unless TEMPORAL_ADDRESS points at a real one. The
 * customizer makes the client's stubs depend on the server bean, so it is listening before any
 * connection is made, and points them at its actual port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "'${TEMPORAL_ADDRESS:}'.isBlank() && ${invoicing.temporal.embedded.enabled:true}")
@EnableConfigurationProperties(EmbeddedTemporalProperties.class)
public class EmbeddedTemporalConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedTemporalServer embeddedTemporalServer(EmbeddedTemporalProperties properties) {
    return EmbeddedTemporalServer.start(properties.port());
  }

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> embeddedTemporalTarget(
      EmbeddedTemporalServer server) {
    return builder -> builder.setTarget(server.target());
  }
}
