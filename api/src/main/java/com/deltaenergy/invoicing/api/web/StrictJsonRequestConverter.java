package com.deltaenergy.invoicing.api.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads the API's request bodies strictly: a duplicate field, a number given as a string (or a
 * string as a number), a fraction for an integer, a number for a date or trailing content is
 * refused (400 naming the field) rather than guessed at. So is a field this version does not know
 * (as Stripe does): a misspelt optional field would otherwise be dropped without a word.
 *
 * <p>Only the request types of this module are read this way; everything else (responses, the
 * sandbox exchange, exchange clients) keeps the application's lenient ObjectMapper.
 */
public class StrictJsonRequestConverter extends MappingJackson2HttpMessageConverter {

  private static final String API_PACKAGE = "com.deltaenergy.invoicing.api.";

  public StrictJsonRequestConverter(ObjectMapper applicationMapper) {
    super(strict(applicationMapper.copy()));
  }

  public static ObjectMapper strict(ObjectMapper mapper) {
    // The application's mapper ignores unknown fields (spring.jackson...fail-on-unknown-properties:
    // false, which the exchange clients and the workflow state rely on); requests must not.
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // PostgreSQL cannot store U+0000 in text: refused here as the field's problem, not a 500 later.
    mapper.registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNulStrings()));
    // A date is "2025-10-15"; not an epoch day number.
    mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    return mapper;
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return isApiType(clazz) && super.canRead(clazz, mediaType);
  }

  @Override
  public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
    return isApiType(ResolvableType.forType(type).resolve()) && super.canRead(type, contextClass, mediaType);
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
    return false;
  }

  /** Strings as usual, except one with a NUL character. */
  static final class NoNulStrings extends StdScalarDeserializer<String> {
    static final String MESSAGE = "must not contain NUL characters (\\u0000)";

    NoNulStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
      }
      return value;
    }
  }

  private static boolean isApiType(Class<?> type) {
    return type != null && type.getName().startsWith(API_PACKAGE);
  }
}
