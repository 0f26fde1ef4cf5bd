package com.deltaenergy.invoicing.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3 document of everything under /api ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): the two ways to present an API key, and every error as an RFC 9457
 * problem. Which paths and packages are documented is set in api-defaults.yml (the sandbox
 * exchange, a development tool, is left out).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  public static final String BEARER = "bearer";
  public static final String API_KEY = "apiKey";
  public static final String API_KEY_HEADER = "X-API-Key";
  public static final String PROBLEM = "Problem";
  public static final String FIELD_PROBLEM = "FieldProblem";
  public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** What each problem status means, as the document describes it. */
  private static final Map<HttpStatus, String> MEANINGS = new LinkedHashMap<>();

  static {
    MEANINGS.put(HttpStatus.BAD_REQUEST, "Invalid request: `errors` names each field (JSON path, parameter or header) and why");
    MEANINGS.put(HttpStatus.UNAUTHORIZED, "No API key, or an unknown or revoked one");
    MEANINGS.put(HttpStatus.FORBIDDEN, "The API key's scope does not allow this");
    MEANINGS.put(HttpStatus.NOT_FOUND, "No such resource for the caller's tenant");
    MEANINGS.put(HttpStatus.NOT_ACCEPTABLE, "The Accept header allows none of the response's media types");
    MEANINGS.put(HttpStatus.CONFLICT, "Not possible in the resource's current state, or a conflicting request");
    MEANINGS.put(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the API accepts");
    MEANINGS.put(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body is not application/json");
    MEANINGS.put(HttpStatus.BAD_GATEWAY, "The exchange answered with an error");
    MEANINGS.put(HttpStatus.SERVICE_UNAVAILABLE, "No worker applied the request in time; read the resource before repeating it");
    MEANINGS.put(HttpStatus.GATEWAY_TIMEOUT, "No worker answered in time");
  }

  @Bean
  OpenAPI invoicingOpenApi(@Value("${spring.application.name:crypto-invoicing}") String application) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Crypto invoicing API")
                .version("1")
                .description(
                    "Invoices paid in crypto, each run by a Temporal workflow. Every endpoint needs an API key,"
                        + " as `Authorization: Bearer <key>` or `X-API-Key: <key>`. JSON is snake_case. Every"
                        + " error is `application/problem+json` (RFC 9457); a method a path does not support"
                        + " answers 405 with an `Allow` header, an unknown path 404."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key: `Authorization: Bearer <key>`"))
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(API_KEY_HEADER)
                        .description("The same API key in a header of its own"))
                .addSchemas(FIELD_PROBLEM, fieldProblemSchema())
                .addSchemas(PROBLEM, problemSchema()))
        // Either scheme will do.
        .addSecurityItem(new SecurityRequirement().addList(BEARER))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /** Schemas follow the application's ObjectMapper: snake_case names, as on the wire. */
  @Bean
  ModelResolver snakeCaseModelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }

  /** Adds each operation's problem responses. */
  @Bean
  OperationCustomizer problemResponses() {
    return (Operation operation, HandlerMethod handler) -> {
      Set<HttpStatus> statuses = EnumSet.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.NOT_ACCEPTABLE);
      boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
      if (hasParameters || operation.getRequestBody() != null) {
        statuses.add(HttpStatus.BAD_REQUEST);
      }
      if (operation.getParameters() != null
          && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
        statuses.add(HttpStatus.NOT_FOUND);
      }
      if (operation.getRequestBody() != null) {
        statuses.add(HttpStatus.PAYLOAD_TOO_LARGE);
        statuses.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
      }
      ErrorResponses declared = handler.getMethodAnnotation(ErrorResponses.class);
      if (declared != null) {
        statuses.addAll(List.of(declared.value()));
      }
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      for (HttpStatus status : statuses) {
        String code = String.valueOf(status.value());
        if (!responses.containsKey(code)) {
          responses.addApiResponse(code, problemResponse(status));
        }
      }
      // keep the codes in order
      operation.setResponses(sorted(responses));
      return operation;
    };
  }

  /**
   * JSON carries every field, null or not: a property of a reference type that is not required
   * is nullable. A nullable reference becomes {@code allOf} the reference, since OpenAPI 3.0
   * ignores anything beside a {@code $ref}.
   */
  @Bean
  PropertyCustomizer nullableReferences() {
    return (property, type) -> {
      if (isPrimitive(type.getType()) || required(type.getCtxAnnotations())) {
        return property;
      }
      if (property.get$ref() != null) {
        Schema<Object> wrapper = new Schema<>();
        wrapper.addAllOfItem(new Schema<>().$ref(property.get$ref()));
        wrapper.setNullable(true);
        wrapper.setDescription(property.getDescription());
        return wrapper;
      }
      property.setNullable(true);
      return property;
    };
  }

  /** The document lists the problem schemas even where no operation used one yet. */
  @Bean
  OpenApiCustomizer problemSchemas() {
    return openApi -> {
      openApi.getComponents().addSchemas(FIELD_PROBLEM, fieldProblemSchema());
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    };
  }

  static ApiResponse problemResponse(HttpStatus status) {
    return new ApiResponse()
        .description(MEANINGS.getOrDefault(status, status.getReasonPhrase()))
        .content(
            new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static ApiResponses sorted(ApiResponses responses) {
    ApiResponses sorted = new ApiResponses();
    new TreeMap<>(responses).forEach(sorted::addApiResponse);
    sorted.setExtensions(responses.getExtensions());
    return sorted;
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem detail")
        .addProperty("type", new StringSchema().description("A URI naming the kind of problem").example("about:blank"))
        .addProperty("title", new StringSchema().description("The kind of problem, for people"))
        .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status"))
        .addProperty("detail", new StringSchema().description("This occurrence, for people"))
        .addProperty("instance", new StringSchema().description("The request path"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                .description("Validation problems (400 only): one per refused field"))
        .required(List.of("title", "status"));
  }

  private static Schema<?> fieldProblemSchema() {
    Schema<?> field = new StringSchema().description("The JSON path (snake_case), parameter or header; null for the whole request");
    field.setNullable(true);
    return new ObjectSchema()
        .addProperty("field", field)
        .addProperty("message", new StringSchema().description("Why it was refused"))
        .required(List.of("message"));
  }

  private static boolean isPrimitive(Type type) {
    if (type instanceof Class<?> c) {
      return c.isPrimitive();
    }
    return type instanceof com.fasterxml.jackson.databind.JavaType javaType && javaType.isPrimitive();
  }

  private static boolean required(Annotation[] annotations) {
    if (annotations == null) {
      return false;
    }
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> kind = annotation.annotationType();
      if (kind == NotNull.class || kind == NotBlank.class || kind == NotEmpty.class) {
        return true;
      }
    }
    return false;
  }
}
