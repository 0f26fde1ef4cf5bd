package com.deltaenergy.invoicing.sandbox.mexc;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the MEXC endpoints leave as MEXC's {"code":…,"msg":…}, never as problem+json. */
@RestControllerAdvice(assignableTypes = SandboxMexcController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxMexcErrors {

  @ExceptionHandler(MexcError.class)
  ResponseEntity<MexcResponses.Error> mexc(MexcError e) {
    return ResponseEntity.status(e.httpStatus()).body(new MexcResponses.Error(e.code(), e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<MexcResponses.Error> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest()
        .body(
            new MexcResponses.Error(
                700004,
                "Mandatory parameter '" + e.getParameterName() + "' was not sent, was empty/null, or malformed."));
  }
}
