package com.deltaenergy.invoicing.sandbox.mexc;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The faults the control API injects (errors, 429 with Retry-After, latency) and the rate limit. */
class SandboxTrafficFilterTest {

  private static final String HISREC = "/sandbox/api/v3/capital/deposit/hisrec";

  private final SandboxProperties properties =
      new SandboxProperties("k", "s", null, Duration.ZERO, 3, Duration.ofSeconds(10), null);
  private final SandboxTraffic traffic = new SandboxTraffic(properties, Clock.systemUTC());
  private final SandboxTrafficFilter filter = new SandboxTrafficFilter(traffic, properties);
  private final AtomicInteger passedOn = new AtomicInteger();

  private MockHttpServletResponse call() throws Exception {
    return call(HISREC);
  }

  private MockHttpServletResponse call(String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> passedOn.incrementAndGet());
    return response;
  }

  @Test
  void injects429WithRetryAfterAndCountsIt() throws Exception {
    traffic.setFaults(new SandboxTraffic.Faults(1.0, 429, 2, 0));

    MockHttpServletResponse response = call();

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(passedOn).hasValue(0);
    assertThat(traffic.stats().get("GET " + HISREC).injectedFaults()).isEqualTo(1);
  }

  @Test
  void injectsServerErrorsWithoutRetryAfter() throws Exception {
    traffic.setFaults(new SandboxTraffic.Faults(1.0, 503, 0, 0));

    MockHttpServletResponse response = call();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isNull();
    JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
    assertThat(body.path("code").asInt()).isEqualTo(503);
    assertThat(body.path("msg").asText()).isEqualTo("Injected sandbox fault");
    assertThat(response.getContentType()).startsWith("application/json");
  }

  @Test
  void answersBinanceCallsWithBinanceErrorCodes() throws Exception {
    traffic.setFaults(new SandboxTraffic.Faults(1.0, 429, 1, 0));

    MockHttpServletResponse response = call("/sandbox/binance/sapi/v1/capital/deposit/hisrec");

    assertThat(response.getStatus()).isEqualTo(429);
    JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
    assertThat(body.path("code").asInt()).isEqualTo(-1003);
    assertThat(body.path("msg").asText()).isEqualTo("Injected sandbox fault");
  }

  @Test
  void addsLatencyAndStillAnswers() throws Exception {
    traffic.setFaults(new SandboxTraffic.Faults(0, 503, 0, 200));

    long started = System.nanoTime();
    MockHttpServletResponse response = call();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(passedOn).hasValue(1);
  }

  @Test
  void clearedFaultsPassEveryCall() throws Exception {
    traffic.setFaults(new SandboxTraffic.Faults(1.0, 503, 0, 0));
    traffic.setFaults(SandboxTraffic.Faults.NONE);

    assertThat(call().getStatus()).isEqualTo(200);
    assertThat(passedOn).hasValue(1);
  }

  @Test
  void refusesCallsOverTheLimitAndReportsStatsInSnakeCase() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call().getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = call();

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
    assertThat(refused.getContentAsString()).isEqualTo("{\"code\":429,\"msg\":\"Too Many Requests\"}");
    JsonNode stats = new ObjectMapper().valueToTree(traffic.stats()).path("GET " + HISREC);
    assertThat(stats.path("calls").asLong()).isEqualTo(4);
    assertThat(stats.path("rejected_by_rate_limit").asLong()).isEqualTo(1);
    assertThat(stats.path("max_calls_in_window").asInt()).isEqualTo(3);
    assertThat(stats.path("injected_faults").asLong()).isZero();
  }
}
