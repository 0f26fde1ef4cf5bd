package com.deltaenergy.invoicing.app;

import com.deltaenergy.invoicing.api.ApiApplication;
import com.deltaenergy.invoicing.worker.WorkerApplication;
import com.deltaenergy.invoicing.api.admin.AdminCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The embedded default: the API and a worker in one JVM, with an in-process Temporal service, an
 * embedded PostgreSQL, the sandbox exchange and a local mail outbox. Nothing to install but a JDK.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    basePackages = "com.deltaenergy.invoicing",
    excludeFilters = {
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
      // The standalone processes' entry points are not part of this one.
      @ComponentScan.Filter(
          type = FilterType.ASSIGNABLE_TYPE,
          classes = {ApiApplication.class, WorkerApplication.class}),
      // The sandbox exchange comes in through its own (switchable) auto-configuration.
      @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.deltaenergy\\.invoicing\\.sandbox\\..*")
    })
public class CryptoInvoicingApplication {

  public static void main(String[] args) {
    AdminCommandLine.exitIfCommand(args);
    SpringApplication.run(CryptoInvoicingApplication.class, args);
  }
}
