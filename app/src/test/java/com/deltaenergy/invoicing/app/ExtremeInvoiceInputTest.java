package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extreme due dates, amounts, quantities, tax rates and line counts through the real API, worker,
 * scanner and sandbox exchange. Each input is either refused with a 400 naming the field, or the
 * invoice is sent and a full payment takes it to complete. An accepted invoice that cannot be paid
 * to completion fails this test (issue 18, point 1).
 */
class ExtremeInvoiceInputTest extends EmbeddedStackTest {

  private static final LocalDate TODAY = LocalDate.now();

  /** name, the body's varying fields, and the field a 400 must name (null: it must complete). */
  static Stream<Arguments> inputs() {
    String lines200 =
        IntStream.range(0, 200)
            .mapToObj(i -> "{\"description\": \"rack " + i + "\", \"quantity\": 1, \"unit_price_usd\": 1}")
            .collect(Collectors.joining(",", "[", "]"));
    String lines201 = lines200.replace("]", ", {\"description\": \"one more\", \"quantity\": 1, \"unit_price_usd\": 1}]");
    return Stream.of(
        Arguments.of("year 99999", amount("100") + due("+99999-01-01"), "due_date"),
        Arguments.of("ten years and a day", amount("100") + due(TODAY.plusYears(10).plusDays(1)), "due_date"),
        Arguments.of("two days ago", amount("100") + due(TODAY.minusDays(2)), "due_date"),
        Arguments.of("year 0", amount("100") + due("0000-01-01"), "due_date"),
        Arguments.of("ten years ahead", amount("100") + due(TODAY.plusYears(10).minusDays(1)), null),
        Arguments.of("due tomorrow", amount("100") + due(TODAY.plusDays(1)), null),
        Arguments.of("one cent", amount("0.01") + due(TODAY.plusDays(30)), null),
        Arguments.of("largest amount", amount("999999999999.99") + due(TODAY.plusDays(30)), null),
        Arguments.of("beyond the largest", amount("1000000000000") + due(TODAY.plusDays(30)), "amount_usd"),
        Arguments.of("zero", amount("0") + due(TODAY.plusDays(30)), "amount_usd"),
        Arguments.of("negative", amount("-5") + due(TODAY.plusDays(30)), "amount_usd"),
        Arguments.of("a tenth of a cent", amount("0.001") + due(TODAY.plusDays(30)), "amount_usd"),
        Arguments.of("huge quantity × huge price",
            lines("[{\"description\": \"x\", \"quantity\": 9999999999.9999, \"unit_price_usd\": 999999999999.99}]")
                + due(TODAY.plusDays(30)), "line_items[0]"),
        Arguments.of("lines adding up beyond the largest",
            lines("[{\"description\": \"a\", \"quantity\": 1, \"unit_price_usd\": 999999999999.99},"
                + " {\"description\": \"b\", \"quantity\": 1, \"unit_price_usd\": 1}]") + due(TODAY.plusDays(30)),
            "line_items"),
        Arguments.of("tiny quantity rounding to nothing",
            lines("[{\"description\": \"x\", \"quantity\": 0.0001, \"unit_price_usd\": 0.01}]") + due(TODAY.plusDays(30)),
            "line_items"),
        Arguments.of("tiny quantity", lines("[{\"description\": \"x\", \"quantity\": 0.0001, \"unit_price_usd\": 100}]")
            + due(TODAY.plusDays(30)), null),
        Arguments.of("200 lines at 100 % tax", lines(lines200) + ", \"tax_rate_percent\": 100" + due(TODAY.plusDays(30)), null),
        Arguments.of("201 lines", lines(lines201) + due(TODAY.plusDays(30)), "line_items"),
        Arguments.of("tax above 100 %", lines("[{\"description\": \"x\", \"quantity\": 1, \"unit_price_usd\": 10}]")
            + ", \"tax_rate_percent\": 100.0001" + due(TODAY.plusDays(30)), "tax_rate_percent"),
        Arguments.of("negative tax", lines("[{\"description\": \"x\", \"quantity\": 1, \"unit_price_usd\": 10}]")
            + ", \"tax_rate_percent\": -1" + due(TODAY.plusDays(30)), "tax_rate_percent"),
        Arguments.of("smallest tax", lines("[{\"description\": \"x\", \"quantity\": 3, \"unit_price_usd\": 33.33}]")
            + ", \"tax_rate_percent\": 0.0001" + due(TODAY.plusDays(30)), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void isRefusedNamingTheFieldOrPaidToCompletion(String name, String fields, String refusedField) throws Exception {
    String body =
        "{\"client_id\": 1, \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\","
            + " \"billing_period\": \"November 2026\", \"description\": \"" + name + "\"" + fields + "}";
    HttpResponse<String> created = exchange("POST", "/api/invoice/create", body);
    JsonNode answer = JSON.readTree(created.body());
    if (refusedField != null) {
      assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
      assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(answer.get("errors").findValuesAsText("field")).as(created.body()).contains(refusedField);
      return;
    }
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(answer.get("status").asText()).isEqualTo("sent");
    long id = answer.get("id").asLong();
    payInFull(answer, "USDT", "TRC20");
    JsonNode complete = awaitInvoice(id, i -> i.get("status").asText().equals("complete"));
    assertThat(complete.get("amount_received").decimalValue()).isEqualByComparingTo(answer.get("crypto_amount").decimalValue());
  }

  private static String amount(String usd) {
    return ", \"amount_usd\": " + usd;
  }

  private static String lines(String json) {
    return ", \"line_items\": " + json;
  }

  private static String due(Object date) {
    return ", \"due_date\": \"" + date + "\"";
  }
}
