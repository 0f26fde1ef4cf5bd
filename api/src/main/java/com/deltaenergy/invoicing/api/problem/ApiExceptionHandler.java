package com.deltaenergy.invoicing.api.problem;

import com.deltaenergy.invoicing.api.exchange.ExchangeInquiries;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.deltaenergy.invoicing.api.web.PayloadTooLargeException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}. Validation problems carry an
 * {@code errors} list naming each JSON field and why it was refused; no stack trace ever leaves.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  public static final URI VALIDATION_TYPE = URI.create("https://deltaenergy.com/problems/validation");

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return validation(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(ExchangeInquiries.InquiryFailedException.class)
  ResponseEntity<ProblemDetail> inquiryFailed(ExchangeInquiries.InquiryFailedException e) {
    HttpStatus status = e.timedOut() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.timedOut() ? "No worker answered" : "Exchange call failed");
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(InvoiceWorkflowClient.RefusedException.class)
  ResponseEntity<ProblemDetail> refused(InvoiceWorkflowClient.RefusedException e) {
    if (e.kind() == InvoiceWorkflowClient.RefusedException.Kind.INVALID) {
      return validation(List.of(new FieldProblem(null, e.getMessage())));
    }
    HttpStatus status =
        e.kind() == InvoiceWorkflowClient.RefusedException.Kind.CONFLICT
            ? HttpStatus.CONFLICT
            : HttpStatus.SERVICE_UNAVAILABLE;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status == HttpStatus.CONFLICT ? "Not possible in the invoice's state" : "Unavailable");
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "" : ": expected " + expected(type);
    return validation(
        List.of(new FieldProblem(e.getName(), "invalid value '" + quoted(e.getValue()) + "'" + expected)));
  }

  /**
   * Spring Security's firewall checks a header or parameter when it is first read, which can be
   * inside a handler (a non-ASCII Idempotency-Key, say): the client's mistake, so a 400 that does
   * not echo the value.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request has a header or parameter value that is not allowed");
    problem.setTitle("Bad request");
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A body that went past its limit while a handler streamed it (a chunked upload, say). */
  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle("Request body too large");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unhandled error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    problem.setTitle("Internal error");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(jsonPath(error.getField()), message(error)))
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
    return asObject(validation(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return asObject(validation(problems));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return asObject(
        validation(List.of(new FieldProblem(e.getParameterName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        problem.setTitle("Request body too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
      }
    }
    return asObject(validation(List.of(unreadable(e.getCause()))));
  }

  /** A required header is missing (the rest of binding errors keep Spring's wording). */
  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e instanceof MissingRequestHeaderException missing) {
      return asObject(validation(List.of(new FieldProblem(missing.getHeaderName(), "is required"))));
    }
    return super.handleServletRequestBindingException(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(noEndpoint(e.getHttpMethod().name(), "/" + e.getResourcePath()));
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(noEndpoint(e.getHttpMethod(), e.getRequestURL()));
  }

  private static ResponseEntity<ProblemDetail> noEndpoint(String method, String path) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No endpoint " + method + " " + path);
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  private static FieldProblem unreadable(Throwable cause) {
    if (cause instanceof JsonParseException parse) {
      return new FieldProblem(
          null, "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
              + parse.getLocation().getColumnNr());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path(unknown), "unknown field");
    }
    if (cause instanceof InvalidFormatException format && format.getTargetType() == String.class) {
      // only our own deserializer refuses a string value; its message is for the client
      return new FieldProblem(path(format), format.getOriginalMessage());
    }
    if (cause instanceof InvalidFormatException format) {
      return new FieldProblem(
          path(format),
          "invalid value '" + quoted(format.getValue()) + "': expected "
              + expected(format.getTargetType()));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return new FieldProblem(
          path(mismatch), "wrong type: expected " + expected(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldProblem(path(mapping), "could not be read");
    }
    if (cause instanceof MismatchedInputException trailing && trailing.getMessage() != null
        && trailing.getMessage().startsWith("Trailing token")) {
      return new FieldProblem(null, "unexpected content after the JSON value");
    }
    return new FieldProblem(null, "the request body is missing or is not valid JSON");
  }

  /** A client's value, echoed in a message: shortened so a huge input is not sent back. */
  private static String quoted(Object value) {
    String text = String.valueOf(value);
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == java.time.LocalDate.class) {
      return "a date like 2025-10-15";
    }
    if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type)
        || type == long.class || type == int.class) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return "an object";
  }

  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Bean-validation paths use Java names ({@code lineItems[0].unitPriceUsd}); clients see JSON names. */
  public static String jsonPath(String javaPath) {
    StringBuilder out = new StringBuilder();
    for (String segment : javaPath.split("\\.")) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      out.append(SNAKE_CASE.translate(name));
      if (bracket >= 0) {
        out.append(segment.substring(bracket));
      }
    }
    return out.toString();
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage();
  }

  public static ResponseEntity<ProblemDetail> validation(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(VALIDATION_TYPE);
    problem.setTitle("Invalid request");
    problem.setDetail(
        problems.stream()
            .map(p -> p.field() == null ? p.message() : p.field() + ": " + p.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request"));
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
