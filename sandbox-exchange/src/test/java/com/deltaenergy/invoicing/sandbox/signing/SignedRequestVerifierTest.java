package com.deltaenergy.invoicing.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The signed-request check both sandbox exchanges share, refusals named by reason. */
class SignedRequestVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  /** Thrown by the test's refusals: says why, and which parameter. */
  static final class Refused extends RuntimeException {
    final Refusal refusal;
    final String parameter;

    Refused(Refusal refusal, String parameter) {
      super(refusal + " " + parameter);
      this.refusal = refusal;
      this.parameter = parameter;
    }
  }

  private final SignedRequestVerifier verifier =
      new SignedRequestVerifier(
          "X-TEST-APIKEY",
          Refused::new,
          new SandboxProperties("key", "secret", null, Duration.ZERO, 10, Duration.ofSeconds(10), null),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsARequestSignedWithTheSecretWithinTheWindow() {
    String query = "coin=BTC&timestamp=" + NOW.toEpochMilli();
    assertThatCode(() -> verifier.verify(signed(query, "key", "secret"), null)).doesNotThrowAnyException();
  }

  @Test
  void theBodyIsSignedAfterTheQuery() {
    String query = "timestamp=" + NOW.toEpochMilli();
    String body = "{\"amount\":\"1.5\"}";
    MockHttpServletRequest request = signed(query, "key", "secret", body);

    assertThatCode(() -> verifier.verify(request, body)).doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verify(request, "{\"amount\":\"9.5\"}")).isInstanceOf(Refused.class);
  }

  @Test
  void refusesAMissingOrUnknownApiKey() {
    MockHttpServletRequest noKey = signed("timestamp=" + NOW.toEpochMilli(), null, "secret");
    assertRefused(noKey, Refusal.NO_API_KEY, null);
    assertRefused(signed("timestamp=" + NOW.toEpochMilli(), "other", "secret"), Refusal.UNKNOWN_API_KEY, null);
  }

  @Test
  void refusesAMissingOrMalformedTimestamp() {
    assertRefused(signed("coin=BTC", "key", "secret"), Refusal.MANDATORY_PARAMETER, "timestamp");
    assertRefused(signed("timestamp=soon", "key", "secret"), Refusal.MANDATORY_PARAMETER, "timestamp");
  }

  @Test
  void refusesATimestampOutsideTheWindowOrAWindowOverAMinute() {
    long sixSecondsAgo = NOW.minusSeconds(6).toEpochMilli();
    assertRefused(signed("timestamp=" + sixSecondsAgo, "key", "secret"), Refusal.OUTSIDE_RECV_WINDOW, "timestamp");
    assertThatCode(
            () -> verifier.verify(signed("recvWindow=10000&timestamp=" + sixSecondsAgo, "key", "secret"), null))
        .doesNotThrowAnyException();
    assertRefused(
        signed("recvWindow=60001&timestamp=" + NOW.toEpochMilli(), "key", "secret"), Refusal.RECV_WINDOW_TOO_LARGE,
        "recvWindow");
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    assertRefused(signed("timestamp=" + NOW.toEpochMilli(), "key", "guess"), Refusal.INVALID_SIGNATURE, "signature");
  }

  @Test
  void signsTheQueryWithoutTheSignaturePair() {
    assertThat(SignedRequestVerifier.withoutSignature("a=1&signature=ff&b=2")).isEqualTo("a=1&b=2");
    assertThat(SignedRequestVerifier.withoutSignature(null)).isEmpty();
  }

  private void assertRefused(MockHttpServletRequest request, Refusal refusal, String parameter) {
    assertThatThrownBy(() -> verifier.verify(request, null))
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> {
              assertThat(refused.refusal).isEqualTo(refusal);
              assertThat(refused.parameter).isEqualTo(parameter);
            });
  }

  /** A request with the query, the key header (none if null) and the query's signature under the secret. */
  private static MockHttpServletRequest signed(String query, String apiKey, String secret) {
    return signed(query, apiKey, secret, "");
  }

  private static MockHttpServletRequest signed(String query, String apiKey, String secret, String body) {
    String signed = query + "&signature=" + hmac(query + body, secret);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sandbox/api/v3/anything");
    request.setQueryString(signed);
    for (String pair : signed.split("&")) {
      String[] nameValue = pair.split("=", 2);
      request.addParameter(nameValue[0], nameValue[1]);
    }
    if (apiKey != null) {
      request.addHeader("X-TEST-APIKEY", apiKey);
    }
    return request;
  }

  private static String hmac(String text, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
