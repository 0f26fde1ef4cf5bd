package com.deltaenergy.invoicing.api.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The problem responses an endpoint answers beyond those every endpoint may give (401, 403, 406,
 * and 400/404/413/415 where it has parameters, a path variable or a body), for the OpenAPI
 * document. Each is documented as {@code application/problem+json}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrorResponses {
  HttpStatus[] value();
}
