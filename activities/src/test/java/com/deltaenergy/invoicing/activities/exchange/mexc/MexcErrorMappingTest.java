package com.deltaenergy.invoicing.activities.exchange.mexc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.ExchangeFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** MEXC's exact error answers, replayed by a mock server, mapped to what the activities do. */
class MexcErrorMappingTest {

  private static final String SECRET = "very-secret-value-42";
  private MockWebServer server;
  private MexcClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        new MexcClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build(),
            () -> server.url("").toString().replaceAll("/$", ""),
            "mx0key", SECRET, Duration.ofSeconds(5), Duration.ofHours(1), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(400, "{\"code\":10072,\"msg\":\"Api key info invalid\"}", null, ExchangeException.Kind.AUTHENTICATION, 10072),
        Arguments.of(400, "{\"code\":602,\"msg\":\"Signature verification failed\"}", null, ExchangeException.Kind.AUTHENTICATION, 602),
        Arguments.of(400, "{\"code\":700002,\"msg\":\"Signature for this request is not valid.\"}", null, ExchangeException.Kind.AUTHENTICATION, 700002),
        Arguments.of(400, "{\"code\":700006,\"msg\":\"IP [10.0.0.1] not in the whitelist\"}", null, ExchangeException.Kind.AUTHENTICATION, 700006),
        Arguments.of(400, "{\"code\":700007,\"msg\":\"No permission to access the endpoint.\"}", null, ExchangeException.Kind.AUTHENTICATION, 700007),
        Arguments.of(401, "{\"code\":401,\"msg\":\"No authority\"}", null, ExchangeException.Kind.AUTHENTICATION, 401),
        Arguments.of(403, "<html>Forbidden</html>", null, ExchangeException.Kind.AUTHENTICATION, null),
        Arguments.of(429, "{\"code\":429,\"msg\":\"Too Many Requests\"}", "12", ExchangeException.Kind.RATE_LIMITED, 429),
        Arguments.of(418, "", "120", ExchangeException.Kind.RATE_LIMITED, null),
        Arguments.of(500, "{\"code\":500,\"msg\":\"Internal error\"}", null, ExchangeException.Kind.UNAVAILABLE, 500),
        Arguments.of(502, "<html>Bad Gateway</html>", null, ExchangeException.Kind.UNAVAILABLE, null),
        Arguments.of(503, "{\"code\":503,\"msg\":\"service not available, please try again\"}", null, ExchangeException.Kind.UNAVAILABLE, 503),
        Arguments.of(400, "{\"code\":10216,\"msg\":\"no address available. Please try again later\"}", null, ExchangeException.Kind.UNAVAILABLE, 10216),
        Arguments.of(400, "{\"code\":730002,\"msg\":\"Your input param is invalid\"}", null, ExchangeException.Kind.REJECTED, 730002),
        Arguments.of(400, "{\"code\":10007,\"msg\":\"bad symbol\"}", null, ExchangeException.Kind.REJECTED, 10007));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @MethodSource("errors")
  void classifiesMexcErrors(int status, String body, String retryAfter, ExchangeException.Kind kind, Integer code) {
    MockResponse response = new MockResponse().setResponseCode(status).setBody(body);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    server.enqueue(new MockResponse().setBody("{\"serverTime\":" + System.currentTimeMillis() + "}"));
    server.enqueue(response);

    assertThatThrownBy(() -> client.generateDepositAddress("USDT", "Tron(TRC20)"))
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.retryAfter()).isEqualTo(retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter)));
              assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("signature=");

              ApplicationFailure failure = ExchangeFailures.toActivityFailure(e);
              assertThat(failure.isNonRetryable()).isEqualTo(!kind.retryable());
              assertThat(failure.getNextRetryDelay())
                  .isEqualTo(retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter)));
              if (kind == ExchangeException.Kind.AUTHENTICATION) {
                assertThat(failure.getOriginalMessage()).contains("MEXC_API_KEY");
                assertThat(failure.getType()).isEqualTo(ExchangeFailures.AUTHENTICATION);
              }
            });
  }

  @Test
  void aTimeoutIsRetryable() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    assertThatThrownBy(() -> client.tickerPrice("BTCUSDT"))
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE);
              assertThat(ExchangeFailures.toActivityFailure(e).isNonRetryable()).isFalse();
            });
  }

  @Test
  void aStaleClockIsCorrectedAndTheCallRepeatedOnce() throws InterruptedException {
    server.enqueue(new MockResponse().setBody("{\"serverTime\":" + System.currentTimeMillis() + "}"));
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("{\"code\":700003,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}"));
    server.enqueue(new MockResponse().setBody("{\"serverTime\":" + System.currentTimeMillis() + "}"));
    server.enqueue(new MockResponse().setBody("[]"));

    assertThat(client.depositAddresses("BTC", null)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void signsEveryParameterInTheQueryAndNeverLogsTheSecretOrSignature() throws InterruptedException {
    Logger logger = (Logger) LoggerFactory.getLogger(MexcClient.class);
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.DEBUG);
    try {
      server.enqueue(new MockResponse().setBody("{\"serverTime\":" + System.currentTimeMillis() + "}"));
      server.enqueue(new MockResponse().setBody("[{\"coin\":\"USDT\",\"network\":\"Tron(TRC20)\",\"address\":\"T1\",\"memo\":null}]"));
      client.generateDepositAddress("USDT", "Tron(TRC20)");

      server.takeRequest();
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getHeader("X-MEXC-APIKEY")).isEqualTo("mx0key");
      assertThat(request.getBodySize()).isZero();
      String query = request.getRequestUrl().encodedQuery();
      String signed = query.substring(0, query.indexOf("&signature="));
      String signature = query.substring(query.indexOf("&signature=") + "&signature=".length());
      assertThat(signed).startsWith("coin=USDT&network=Tron%28TRC20%29&recvWindow=5000&timestamp=");
      assertThat(signature).isEqualTo(MexcSignature.sign(SECRET, signed)).matches("[0-9a-f]{64}");

      assertThat(logs.list).isNotEmpty();
      assertThat(logs.list)
          .allSatisfy(
              event -> assertThat(event.getFormattedMessage()).doesNotContain(SECRET).doesNotContain(signature));
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(level);
    }
  }

  @Test
  void propertiesNeverPrintTheSecret() {
    MexcProperties properties =
        new MexcProperties("https://api.mexc.com", "mx0key", SECRET, Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5));
    assertThat(properties.toString()).doesNotContain(SECRET).doesNotContain("mx0key");
  }
}
