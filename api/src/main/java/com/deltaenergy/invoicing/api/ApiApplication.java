package com.deltaenergy.invoicing.api;

import com.deltaenergy.invoicing.api.admin.ApiKeysCommand;
import com.deltaenergy.invoicing.api.admin.ConsoleUsersCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API process: REST over PostgreSQL and Temporal; it runs no workers. */
@SpringBootApplication(scanBasePackages = "com.deltaenergy.invoicing")
public class ApiApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(ApiKeysCommand.NAME)) {
      System.exit(
          ApiKeysCommand.run(
              java.util.List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals(ConsoleUsersCommand.NAME)) {
      System.exit(
          ConsoleUsersCommand.run(
              java.util.List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
    }
    SpringApplication.run(ApiApplication.class, args);
  }
}
