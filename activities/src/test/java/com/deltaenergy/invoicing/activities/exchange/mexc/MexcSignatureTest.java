package com.deltaenergy.invoicing.activities.exchange.mexc;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.exchange.SignedRequests;
import org.junit.jupiter.api.Test;

/** The worked examples of MEXC's "SIGNED Endpoint Examples for POST /api/v3/order". */
class MexcSignatureTest {

  private static final String SECRET = "45d0b3c26f2644f19bfb98b07741b2f5";

  @Test
  void signsTheQueryString() {
    assertThat(
            MexcSignature.sign(
                SECRET,
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087"))
        .isEqualTo("fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a");
  }

  @Test
  void signsTheQueryStringFollowedDirectlyByTheBody() {
    assertThat(
            MexcSignature.sign(
                SECRET,
                "symbol=BTCUSDT&side=BUY&type=LIMIT" + "quantity=1&price=11&recvWindow=5000&timestamp=1644489390087"))
        .isEqualTo("d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592");
  }

  @Test
  void encodesParametersLikeTheSignedTextIsSent() {
    assertThat(SignedRequests.encode(new java.util.LinkedHashMap<>(java.util.Map.of("network", "Tron(TRC20)"))))
        .isEqualTo("network=Tron%28TRC20%29");
    assertThat(SignedRequests.encode(new java.util.LinkedHashMap<>(java.util.Map.of("network", "BNB Smart Chain(BEP20)"))))
        .isEqualTo("network=BNB%20Smart%20Chain%28BEP20%29");
  }
}
