package com.deltaenergy.invoicing.api.console;

import jakarta.servlet.MultipartConfigElement;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's own assets and the WebJars (htmx). The API switches Boot's static resource
 * mappings off (every unknown path is a problem+json 404), so the console names its two folders.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

  /**
   * Lets the servlet container read the settings page's logo upload (and the CSRF token in it).
   * Spring's multipart resolver stays off (spring.servlet.multipart.enabled=false: the API reads
   * JSON only, a multipart body there is a 415), so only code that asks for a part parses one.
   * The limits are just above LogoImages' 512 KB.
   */
  @Bean
  MultipartConfigElement consoleUploadLimits() {
    return new MultipartConfigElement(null, 1024 * 1024, 2 * 1024 * 1024, 0);
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/console-assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    registry.addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
  }
}
