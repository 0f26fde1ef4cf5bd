package com.deltaenergy.invoicing.sandbox.binance;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the Binance endpoints leave as Binance's {"code":…,"msg":…}. */
@RestControllerAdvice(assignableTypes = SandboxBinanceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxBinanceErrors {

  @ExceptionHandler(BinanceError.class)
  ResponseEntity<Map<String, Object>> binance(BinanceError e) {
    return ResponseEntity.status(e.httpStatus()).body(Map.of("code", e.code(), "msg", e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return binance(BinanceError.mandatory(e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return binance(BinanceError.illegal("parameter '" + e.getName() + "'"));
  }
}
