package com.deltaenergy.invoicing.api.pay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pay pages' web setup: their self-hosted assets (the page's CSS and JS, htmx from its WebJar)
 * under /pay/assets, the rate limit and the security headers on /pay/*.
 */
@Configuration(proxyBeanMethods = false)
public class PayPageWebConfiguration implements WebMvcConfigurer {

  static final String HTMX = "classpath:/META-INF/resources/webjars/htmx.org/2.0.4/dist/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/pay/assets/htmx/**")
        .addResourceLocations(HTMX)
        .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)));
    registry.addResourceHandler("/pay/assets/**")
        .addResourceLocations("classpath:/static/pay/")
        .setCacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)));
  }

  @Bean
  FilterRegistrationBean<PayRateLimitFilter> payRateLimitFilter(
      @Value("${invoicing.pay.rate-limit-per-minute:60}") long perMinute) {
    FilterRegistrationBean<PayRateLimitFilter> registration =
        new FilterRegistrationBean<>(new PayRateLimitFilter(perMinute, 100_000));
    registration.addUrlPatterns("/pay/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<PaySecurityHeadersFilter> paySecurityHeadersFilter() {
    FilterRegistrationBean<PaySecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new PaySecurityHeadersFilter());
    registration.addUrlPatterns("/pay/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }
}
