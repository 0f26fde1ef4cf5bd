package com.deltaenergy.invoicing.api.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

// Its own context: the limit counts per client IP, and every test here calls from 127.0.0.1.
@TestPropertySource(properties = "invoicing.pay.rate-limit-per-minute=60")
class PayRateLimitTest extends ApiTest {

  @Test
  void theSixtyFirstRequestInAMinuteIs429WithRetryAfter() throws Exception {
    for (int i = 1; i <= 60; i++) {
      // Unknown tokens count like known ones: guessing costs the same budget.
      assertThat(api.getWithoutKey("/pay/unknown-" + i).statusCode()).as("request %d", i).isEqualTo(404);
    }
    HttpResponse<String> refused = api.getWithoutKey("/pay/unknown-61");

    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    // Its own assets and the API are not limited by it.
    assertThat(api.getWithoutKey("/pay/assets/pay.css").statusCode()).isEqualTo(200);
    assertThat(api.getWithoutKey("/actuator/health").statusCode()).isEqualTo(200);
  }
}
