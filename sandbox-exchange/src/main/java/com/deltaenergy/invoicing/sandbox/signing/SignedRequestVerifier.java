package com.deltaenergy.invoicing.sandbox.signing;

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

/**
 * Checks a SIGNED request the way MEXC and Binance both do: the API-key header names the known
 * key, the timestamp lies within recvWindow of the server clock, and the signature is the
 * HMAC-SHA256 of the query string (without the signature pair) followed by the body. Each exchange
 * answers a refusal in its own words: its {@link Refusals}.
 */
public final class SignedRequestVerifier {

  /** Why a request is refused. */
  public enum Refusal {
    NO_API_KEY,
    UNKNOWN_API_KEY,
    /** A parameter is missing or malformed; the refusal names it. */
    MANDATORY_PARAMETER,
    RECV_WINDOW_TOO_LARGE,
    OUTSIDE_RECV_WINDOW,
    INVALID_SIGNATURE
  }

  /** How one exchange words a refusal: the exception to throw (parameter: the one at fault, or null). */
  public interface Refusals {
    RuntimeException refuse(Refusal refusal, String parameter);
  }

  private static final long DEFAULT_RECV_WINDOW = 5_000;
  private static final long MAX_RECV_WINDOW = 60_000;

  private final String apiKeyHeader;
  private final Refusals refusals;
  private final SandboxProperties properties;
  private final Clock clock;

  public SignedRequestVerifier(String apiKeyHeader, Refusals refusals, SandboxProperties properties, Clock clock) {
    this.apiKeyHeader = apiKeyHeader;
    this.refusals = refusals;
    this.properties = properties;
    this.clock = clock;
  }

  public void verify(HttpServletRequest request, String body) {
    String apiKey = request.getHeader(apiKeyHeader);
    if (apiKey == null || apiKey.isBlank()) {
      throw refusals.refuse(Refusal.NO_API_KEY, null);
    }
    if (!constantTimeEquals(apiKey, properties.apiKey())) {
      throw refusals.refuse(Refusal.UNKNOWN_API_KEY, null);
    }
    String timestamp = required(request, "timestamp");
    String signature = required(request, "signature");
    long recvWindow = parse(request.getParameter("recvWindow"), DEFAULT_RECV_WINDOW, "recvWindow");
    if (recvWindow > MAX_RECV_WINDOW) {
      throw refusals.refuse(Refusal.RECV_WINDOW_TOO_LARGE, "recvWindow");
    }
    long sent = parse(timestamp, 0, "timestamp");
    long serverTime = clock.millis();
    if (!(sent < serverTime + 1000 && serverTime - sent <= recvWindow)) {
      throw refusals.refuse(Refusal.OUTSIDE_RECV_WINDOW, "timestamp");
    }
    String totalParams = withoutSignature(request.getQueryString()) + (body == null ? "" : body);
    if (!constantTimeEquals(signature, hmac(totalParams))) {
      throw refusals.refuse(Refusal.INVALID_SIGNATURE, "signature");
    }
  }

  private String required(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      throw refusals.refuse(Refusal.MANDATORY_PARAMETER, name);
    }
    return value;
  }

  private long parse(String value, long fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw refusals.refuse(Refusal.MANDATORY_PARAMETER, name);
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
