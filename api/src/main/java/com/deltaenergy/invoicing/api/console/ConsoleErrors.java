package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's answers to the services' refusals: a page, not problem+json (which the REST API's
 * advice gives). Another tenant's invoice is "not found" here too.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, HttpServletResponse response, Model model) {
    return page(response, model, HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, HttpServletResponse response, Model model) {
    return page(response, model, HttpStatus.CONFLICT, "Not possible now", e.getMessage());
  }

  @ExceptionHandler(InvoiceWorkflowClient.RefusedException.class)
  String refused(InvoiceWorkflowClient.RefusedException e, HttpServletResponse response, Model model) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case CONFLICT -> HttpStatus.CONFLICT;
          default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    return page(response, model, status, "The invoice's workflow refused", e.getMessage());
  }

  private static String page(HttpServletResponse response, Model model, HttpStatus status, String title, String detail) {
    response.setStatus(status.value());
    model.addAttribute("me", ConsoleModel.current());
    model.addAttribute("status", status.value());
    model.addAttribute("errorTitle", title);
    model.addAttribute("errorDetail", detail);
    return "console/error";
  }
}
