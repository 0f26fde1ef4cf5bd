package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.exchange.SignedRequests.ErrorBody;
import com.deltaenergy.invoicing.activities.exchange.mexc.MexcSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request and error handling MEXC's and Binance's clients share. */
class SignedRequestsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void signsTheParametersRecvWindowAndTimestampInThatOrder() {
    String query = SignedRequests.signedQuery("coin=BTC", Duration.ofSeconds(5), 1_700_000_000_000L, "secret");

    String signed = "coin=BTC&recvWindow=5000&timestamp=1700000000000";
    assertThat(query).isEqualTo(signed + "&signature=" + MexcSignature.sign("secret", signed));
    assertThat(SignedRequests.signedQuery("", Duration.ofSeconds(5), 1L, "secret"))
        .startsWith("recvWindow=5000&timestamp=1&signature=");
  }

  @Test
  void keepsTheParametersInTheOrderGiven() {
    assertThat(SignedRequests.encode(SignedRequests.ordered("b", "2", "a", "x y"))).isEqualTo("b=2&a=x%20y");
  }

  @Test
  void readsRetryAfterInSecondsOnly() {
    assertThat(SignedRequests.parseRetryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    assertThat(SignedRequests.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
    assertThat(SignedRequests.parseRetryAfter(null)).isNull();
  }

  @Test
  void describesAFailureWithTheExchangesCodeAndMessage() {
    ErrorBody error = SignedRequests.errorBody(json, "{\"code\":700002,\"msg\":\"Signature for this request is not valid.\"}");

    assertThat(error).isEqualTo(new ErrorBody(700002, "Signature for this request is not valid."));
    assertThat(SignedRequests.failureText("GET /api/v3/account", 400, "MEXC", error, ExchangeException.Kind.AUTHENTICATION, "Check the key."))
        .isEqualTo("GET /api/v3/account failed: HTTP 400, MEXC code 700002 (Signature for this request is not valid.). Check the key.");
  }

  @Test
  void aGatewayPageIsTheHttpStatusAlone() {
    ErrorBody error = SignedRequests.errorBody(json, "<html>502 Bad Gateway</html>");

    assertThat(error).isEqualTo(new ErrorBody(null, null));
    assertThat(SignedRequests.failureText("GET /x", 502, "Binance", error, ExchangeException.Kind.UNAVAILABLE, "unused"))
        .isEqualTo("GET /x failed: HTTP 502");
  }
}
