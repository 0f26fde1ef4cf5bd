package com.deltaenergy.invoicing.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The worker process: no HTTP server, polls the invoice task queue. */
@SpringBootApplication(scanBasePackages = "com.deltaenergy.invoicing")
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
