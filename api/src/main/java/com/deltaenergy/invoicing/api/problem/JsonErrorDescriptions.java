package com.deltaenergy.invoicing.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;

/**
 * Says in a client's words what was wrong with a request body or value: which JSON field (in the
 * JSON's snake_case names) and what was expected there. Pure functions, no HTTP.
 */
public final class JsonErrorDescriptions {

  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private JsonErrorDescriptions() {}

  /** The field and reason for a body Jackson could not read ({@code cause} of the Spring error). */
  public static FieldProblem unreadable(Throwable cause) {
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
  public static String quoted(Object value) {
    String text = String.valueOf(value);
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }

  /** What a value of this Java type looks like in JSON, for "expected …". */
  public static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == LocalDate.class) {
      return "a date like 2025-10-15";
    }
    if (type == BigDecimal.class || Number.class.isAssignableFrom(type)
        || type == long.class || type == int.class) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return "an object";
  }

  /** The JSON path Jackson was at ({@code line_items[2].quantity}). */
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
}
