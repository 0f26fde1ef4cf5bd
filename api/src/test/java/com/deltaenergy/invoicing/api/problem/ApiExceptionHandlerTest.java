package com.deltaenergy.invoicing.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiExceptionHandlerTest {

  @Test
  void translatesJavaPropertyPathsToJsonFieldPaths() {
    assertThat(ApiExceptionHandler.jsonPath("amountUsd")).isEqualTo("amount_usd");
    assertThat(ApiExceptionHandler.jsonPath("lineItems[3].unitPriceUsd"))
        .isEqualTo("line_items[3].unit_price_usd");
    assertThat(ApiExceptionHandler.jsonPath("description")).isEqualTo("description");
  }
}
