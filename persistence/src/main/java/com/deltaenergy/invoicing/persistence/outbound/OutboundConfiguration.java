package com.deltaenergy.invoicing.persistence.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

  /** The system's resolver; a test gives its own as a {@code @Primary} bean. */
  @Bean
  HostResolver hostResolver() {
    return HostResolver.SYSTEM;
  }

  @Bean
  OutboundTargets outboundTargets(HostResolver resolver, OutboundProperties properties) {
    return new OutboundTargets(resolver, properties);
  }
}
