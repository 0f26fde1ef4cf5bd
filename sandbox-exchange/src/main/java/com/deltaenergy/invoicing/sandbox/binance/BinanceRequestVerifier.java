package com.deltaenergy.invoicing.sandbox.binance;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier;
import com.deltaenergy.invoicing.sandbox.signing.SignedRequestVerifier.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Checks a SIGNED request the way Binance does, refusing it with Binance's codes: -2014/-2015 for
 * a missing or unknown X-MBX-APIKEY, -1021 outside recvWindow, -1022 for a wrong signature.
 */
@Component
public class BinanceRequestVerifier {

  static final String API_KEY_HEADER = "X-MBX-APIKEY";

  /** Binance's answer to a request it does not accept. */
  static BinanceError refuse(Refusal refusal, String parameter) {
    return switch (refusal) {
      case NO_API_KEY -> new BinanceError(401, -2014, "API-key format invalid.");
      case UNKNOWN_API_KEY -> new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
      case MANDATORY_PARAMETER -> BinanceError.mandatory(parameter);
      case RECV_WINDOW_TOO_LARGE -> BinanceError.badRequest(-1131, "recvWindow must be less than 60000");
      case OUTSIDE_RECV_WINDOW -> BinanceError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
      case INVALID_SIGNATURE -> BinanceError.badRequest(-1022, "Signature for this request is not valid.");
    };
  }

  private final SignedRequestVerifier verifier;

  public BinanceRequestVerifier(SandboxProperties properties, Clock clock) {
    this.verifier = new SignedRequestVerifier(API_KEY_HEADER, BinanceRequestVerifier::refuse, properties, clock);
  }

  public void verify(HttpServletRequest request, String body) {
    verifier.verify(request, body);
  }
}
