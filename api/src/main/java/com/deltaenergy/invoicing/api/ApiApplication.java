package com.deltaenergy.invoicing.api;

import com.deltaenergy.invoicing.api.admin.AdminCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API process: REST over PostgreSQL and Temporal; it runs no workers. */
@SpringBootApplication(scanBasePackages = "com.deltaenergy.invoicing")
public class ApiApplication {

  public static void main(String[] args) {
    AdminCommandLine.exitIfCommand(args);
    SpringApplication.run(ApiApplication.class, args);
  }
}
