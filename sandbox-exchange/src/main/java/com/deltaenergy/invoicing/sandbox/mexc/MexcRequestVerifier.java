package com.deltaenergy.invoicing.sandbox.mexc;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks a signed request the way MEXC does: a known API key, a timestamp within recvWindow of the
 * server clock, and an HMAC-SHA256 signature of the query string (without the signature itself)
 * followed by the body.
 */
@Component
public class MexcRequestVerifier {

  static final String API_KEY_HEADER = "X-MEXC-APIKEY";
  private static final long DEFAULT_RECV_WINDOW = 5_000;
  private static final long MAX_RECV_WINDOW = 60_000;

  private final SandboxProperties properties;
  private final Clock clock;

  public MexcRequestVerifier(SandboxProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public void verify(HttpServletRequest request, String body) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey == null || apiKey.isBlank()) {
      throw MexcError.badRequest(400, "api key required");
    }
    if (!constantTimeEquals(apiKey, properties.apiKey())) {
      throw MexcError.badRequest(10072, "Api key info invalid");
    }
    String timestamp = required(request, "timestamp");
    String signature = required(request, "signature");
    long recvWindow = parse(request.getParameter("recvWindow"), DEFAULT_RECV_WINDOW, "recvWindow");
    if (recvWindow > MAX_RECV_WINDOW) {
      throw MexcError.badRequest(700005, "recvWindow must less than 60000");
    }
    long sent = parse(timestamp, 0, "timestamp");
    long serverTime = clock.millis();
    if (!(sent < serverTime + 1000 && serverTime - sent <= recvWindow)) {
      throw MexcError.badRequest(700003, "Timestamp for this request is outside of the recvWindow.");
    }
    String totalParams = withoutSignature(request.getQueryString()) + (body == null ? "" : body);
    if (!constantTimeEquals(signature, hmac(totalParams))) {
      throw MexcError.badRequest(700002, "Signature for this request is not valid.");
    }
  }

  private static String required(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      throw MexcError.badRequest(
          700004, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }
    return value;
  }

  private static long parse(String value, long fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw MexcError.badRequest(
          700004, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }
  }

  /** The signed text is the query string as sent, minus the signature pair. */
  static String withoutSignature(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(pair -> !pair.startsWith("signature="))
        .collect(Collectors.joining("&"));
  }

  private String hmac(String totalParams) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(properties.apiSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
