package com.deltaenergy.invoicing.sandbox.mexc;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier.Refusal;
import org.junit.jupiter.api.Test;

/** MEXC's words for each refusal of a signed request. */
class MexcRequestVerifierTest {

  @Test
  void refusesInMexcsCodes() {
    assertThat(MexcRequestVerifier.refuse(Refusal.NO_API_KEY, null).code()).isEqualTo(400);
    assertThat(MexcRequestVerifier.refuse(Refusal.UNKNOWN_API_KEY, null).code()).isEqualTo(10072);
    assertThat(MexcRequestVerifier.refuse(Refusal.MANDATORY_PARAMETER, "signature").code()).isEqualTo(700004);
    assertThat(MexcRequestVerifier.refuse(Refusal.RECV_WINDOW_TOO_LARGE, "recvWindow").code()).isEqualTo(700005);
    assertThat(MexcRequestVerifier.refuse(Refusal.OUTSIDE_RECV_WINDOW, "timestamp").code()).isEqualTo(700003);
    assertThat(MexcRequestVerifier.refuse(Refusal.INVALID_SIGNATURE, "signature").code()).isEqualTo(700002);
    assertThat(MexcRequestVerifier.refuse(Refusal.MANDATORY_PARAMETER, "signature"))
        .hasMessage("Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
  }
}
