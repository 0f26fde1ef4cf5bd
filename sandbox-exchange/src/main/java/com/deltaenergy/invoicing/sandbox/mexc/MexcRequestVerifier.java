package com.deltaenergy.invoicing.sandbox.mexc;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier;
import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Checks a signed request the way MEXC does, refusing it with MEXC's codes and messages. */
@Component
public class MexcRequestVerifier {

  static final String API_KEY_HEADER = "X-MEXC-APIKEY";

  /** MEXC's answer to a request it does not accept. */
  static MexcError refuse(Refusal refusal, String parameter) {
    return switch (refusal) {
      case NO_API_KEY -> MexcError.badRequest(400, "api key required");
      case UNKNOWN_API_KEY -> MexcError.badRequest(10072, "Api key info invalid");
      case MANDATORY_PARAMETER -> MexcError.badRequest(
          700004, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
      case RECV_WINDOW_TOO_LARGE -> MexcError.badRequest(700005, "recvWindow must less than 60000");
      case OUTSIDE_RECV_WINDOW -> MexcError.badRequest(700003, "Timestamp for this request is outside of the recvWindow.");
      case INVALID_SIGNATURE -> MexcError.badRequest(700002, "Signature for this request is not valid.");
    };
  }

  private final SignedRequestVerifier verifier;

  public MexcRequestVerifier(SandboxProperties properties, Clock clock) {
    this.verifier = new SignedRequestVerifier(API_KEY_HEADER, MexcRequestVerifier::refuse, properties, clock);
  }

  public void verify(HttpServletRequest request, String body) {
    verifier.verify(request, body);
  }
}
