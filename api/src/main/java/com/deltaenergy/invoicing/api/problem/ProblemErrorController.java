package com.deltaenergy.invoicing.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's Whitelabel/JSON
 * one: what goes wrong outside the controllers (a filter's {@code sendError}, an exception in a
 * filter, a request the container refuses) leaves as problem+json like every other error, whatever
 * the request's Accept header says. A server error's cause stays in the log.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    if (rejectedRequest(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      // a request firewall (Spring Security's StrictHttpFirewall) refused the path: the client's error
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request path is not allowed");
      problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(status.getReasonPhrase());
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    if (status.is5xxServerError()) {
      problem.setDetail("An unexpected error occurred; it has been logged.");
    } else if (message instanceof String text && !text.isBlank()) {
      // a 4xx's message is the filter's or the container's own words about the request
      problem.setDetail(text);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith("/") && !path.startsWith("//")) {
      try {
        problem.setInstance(java.net.URI.create(path.replace(" ", "%20")));
      } catch (IllegalArgumentException notAUri) {
        // left out: the path is not worth echoing
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /**
   * Whether the error is a firewall's refusal of the request. By name: the API does not depend on
   * Spring Security, a console that adds it does.
   */
  static boolean rejectedRequest(Object exception) {
    for (Throwable e = exception instanceof Throwable t ? t : null; e != null; e = e.getCause()) {
      if (e.getClass().getSimpleName().equals("RequestRejectedException")) {
        return true;
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return false;
  }
}
