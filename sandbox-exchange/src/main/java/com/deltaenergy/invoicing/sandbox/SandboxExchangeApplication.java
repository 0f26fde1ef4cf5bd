package com.deltaenergy.invoicing.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sandbox exchange on its own (the embedded default serves it under /sandbox instead). */
@SpringBootApplication
public class SandboxExchangeApplication {

  public static void main(String[] args) {
    SpringApplication.run(SandboxExchangeApplication.class, args);
  }
}
