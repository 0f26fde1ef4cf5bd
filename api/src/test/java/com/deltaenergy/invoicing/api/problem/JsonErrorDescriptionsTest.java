package com.deltaenergy.invoicing.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a client reads for a body Jackson refused, from Jackson's own exceptions. */
class JsonErrorDescriptionsTest {

  enum Network { TRC20, ERC20 }

  record Item(String description, BigDecimal quantity) {}

  record Body(String clientName, LocalDate dueDate, Network network, List<Item> lineItems) {}

  private final ObjectMapper mapper =
      new ObjectMapper()
          .findAndRegisterModules()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private FieldProblem describe(String json) {
    Throwable thrown = catchThrowable(() -> mapper.readValue(json, Body.class));
    assertThat(thrown).as("Jackson refuses %s", json).isNotNull();
    return JsonErrorDescriptions.unreadable(thrown);
  }

  @Test
  void translatesJavaPropertyPathsToJsonFieldPaths() {
    assertThat(JsonErrorDescriptions.jsonPath("amountUsd")).isEqualTo("amount_usd");
    assertThat(JsonErrorDescriptions.jsonPath("lineItems[3].unitPriceUsd"))
        .isEqualTo("line_items[3].unit_price_usd");
    assertThat(JsonErrorDescriptions.jsonPath("description")).isEqualTo("description");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThat(describe("{\"client_name\": }"))
        .isEqualTo(new FieldProblem(null, "malformed JSON at line 1, column 17"));
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    assertThat(describe("{\"line_items\": [{\"description\": \"x\", \"colour\": 1}]}"))
        .isEqualTo(new FieldProblem("line_items[0].colour", "unknown field"));
  }

  @Test
  void invalidValueIsEchoedWithWhatWasExpected() {
    assertThat(describe("{\"due_date\": \"tomorrow\"}"))
        .isEqualTo(new FieldProblem("due_date", "invalid value 'tomorrow': expected a date like 2025-10-15"));
    assertThat(describe("{\"network\": \"BEP2\"}"))
        .isEqualTo(new FieldProblem("network", "invalid value 'BEP2': expected one of [TRC20, ERC20]"));
  }

  @Test
  void wrongTypeNamesTheExpectedType() {
    assertThat(describe("{\"line_items\": {\"description\": \"x\"}}"))
        .isEqualTo(new FieldProblem("line_items", "wrong type: expected an array"));
  }

  @Test
  void trailingContentAndAMissingBodyHaveNoField() {
    assertThat(describe("{} {}")).isEqualTo(new FieldProblem(null, "unexpected content after the JSON value"));
    assertThat(JsonErrorDescriptions.unreadable(null))
        .isEqualTo(new FieldProblem(null, "the request body is missing or is not valid JSON"));
  }

  @Test
  void aHugeValueIsShortenedWhenEchoed() {
    String echoed = JsonErrorDescriptions.quoted("9".repeat(500));
    assertThat(echoed).hasSize(65).endsWith("…");
    assertThat(JsonErrorDescriptions.quoted("short")).isEqualTo("short");
  }

  @Test
  void expectedTypesInAClientsWords() {
    assertThat(JsonErrorDescriptions.expected(BigDecimal.class)).isEqualTo("a number");
    assertThat(JsonErrorDescriptions.expected(int.class)).isEqualTo("a number");
    assertThat(JsonErrorDescriptions.expected(String.class)).isEqualTo("a string");
    assertThat(JsonErrorDescriptions.expected(boolean.class)).isEqualTo("true or false");
    assertThat(JsonErrorDescriptions.expected(Item.class)).isEqualTo("an object");
    assertThat(JsonErrorDescriptions.expected(null)).isEqualTo("another type");
  }
}
