package com.deltaenergy.invoicing.activities.exchange.mexc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MEXC's request signature: lowercase hex HMAC-SHA256 of the total parameter string (the query
 * string immediately followed by the body), keyed with the API secret.
 */
public final class MexcSignature {

  private MexcSignature() {}

  public static String sign(String secret, String totalParams) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
