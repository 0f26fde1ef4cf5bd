package com.deltaenergy.invoicing.sandbox;

import com.deltaenergy.invoicing.sandbox.address.AddressGenerator;
import com.deltaenergy.invoicing.sandbox.binance.SandboxBinanceController;
import com.deltaenergy.invoicing.sandbox.control.SandboxControlAccessFilter;
import com.deltaenergy.invoicing.sandbox.mexc.SandboxMexcController;
import com.deltaenergy.invoicing.sandbox.mexc.SandboxTraffic;
import com.deltaenergy.invoicing.sandbox.mexc.SandboxTrafficFilter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.Ordered;

/**
 * The sandbox exchange, served by whichever web application has this module on its classpath
 * (the embedded default, or the standalone sandbox) under {@code /sandbox}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "invoicing.sandbox.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SandboxProperties.class)
@ComponentScan(basePackageClasses = SandboxExchangeAutoConfiguration.class)
public class SandboxExchangeAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AddressGenerator sandboxAddressGenerator() {
    return new AddressGenerator();
  }

  /** The control endpoints answer this machine (or the admin key) only; the MEXC ones are signed. */
  @Bean
  FilterRegistrationBean<SandboxControlAccessFilter> sandboxControlAccessFilter(SandboxProperties properties) {
    FilterRegistrationBean<SandboxControlAccessFilter> registration =
        new FilterRegistrationBean<>(new SandboxControlAccessFilter(properties.adminKey(), SandboxMexcController.BASE));
    registration.addUrlPatterns("/sandbox/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SandboxTrafficFilter> sandboxTrafficFilter(
      SandboxTraffic traffic, SandboxProperties properties) {
    FilterRegistrationBean<SandboxTrafficFilter> registration =
        new FilterRegistrationBean<>(new SandboxTrafficFilter(traffic, properties));
    registration.addUrlPatterns(SandboxMexcController.BASE + "/*", SandboxBinanceController.BASE + "/*");
    return registration;
  }
}
