package com.deltaenergy.invoicing.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API process: REST over PostgreSQL and Temporal; it runs no workers. */
@SpringBootApplication(scanBasePackages = "com.deltaenergy.invoicing")
public class ApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }
}
