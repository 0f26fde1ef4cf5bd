package com.deltaenergy.invoicing.sandbox.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier.Refusal;
import org.junit.jupiter.api.Test;

/** Binance's words for each refusal of a signed request. */
class BinanceRequestVerifierTest {

  @Test
  void refusesInBinancesCodes() {
    assertThat(codeOf(Refusal.NO_API_KEY)).isEqualTo("401 -2014");
    assertThat(codeOf(Refusal.UNKNOWN_API_KEY)).isEqualTo("401 -2015");
    assertThat(codeOf(Refusal.MANDATORY_PARAMETER)).isEqualTo("400 -1102");
    assertThat(codeOf(Refusal.RECV_WINDOW_TOO_LARGE)).isEqualTo("400 -1131");
    assertThat(codeOf(Refusal.OUTSIDE_RECV_WINDOW)).isEqualTo("400 -1021");
    assertThat(codeOf(Refusal.INVALID_SIGNATURE)).isEqualTo("400 -1022");
    assertThat(BinanceRequestVerifier.refuse(Refusal.MANDATORY_PARAMETER, "timestamp"))
        .hasMessage("Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
  }

  private static String codeOf(Refusal refusal) {
    BinanceError error = BinanceRequestVerifier.refuse(refusal, "timestamp");
    return error.httpStatus() + " " + error.code();
  }
}
