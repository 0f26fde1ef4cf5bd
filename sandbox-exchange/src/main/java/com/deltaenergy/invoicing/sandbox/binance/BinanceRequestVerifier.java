package com.deltaenergy.invoicing.sandbox.binance;

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
 * Checks a SIGNED request the way Binance does: X-MBX-APIKEY names a known key (-2015 otherwise),
 * the timestamp lies within recvWindow of the server clock (-1021), and the signature is the
 * HMAC-SHA256 of the query string (without the signature) followed by the body (-1022).
 */
@Component
public class BinanceRequestVerifier {

  static final String API_KEY_HEADER = "X-MBX-APIKEY";
  private static final long DEFAULT_RECV_WINDOW = 5_000;
  private static final long MAX_RECV_WINDOW = 60_000;

  private final SandboxProperties properties;
  private final Clock clock;

  public BinanceRequestVerifier(SandboxProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public void verify(HttpServletRequest request, String body) {
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey == null || apiKey.isBlank()) {
      throw new BinanceError(401, -2014, "API-key format invalid.");
    }
    if (!constantTimeEquals(apiKey, properties.apiKey())) {
      throw new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
    String timestamp = request.getParameter("timestamp");
    if (timestamp == null || timestamp.isBlank()) {
      throw BinanceError.mandatory("timestamp");
    }
    String signature = request.getParameter("signature");
    if (signature == null || signature.isBlank()) {
      throw BinanceError.mandatory("signature");
    }
    long recvWindow = parse(request.getParameter("recvWindow"), DEFAULT_RECV_WINDOW, "recvWindow");
    if (recvWindow > MAX_RECV_WINDOW) {
      throw BinanceError.badRequest(-1131, "recvWindow must be less than 60000");
    }
    long sent = parse(timestamp, 0, "timestamp");
    long serverTime = clock.millis();
    if (!(sent < serverTime + 1000 && serverTime - sent <= recvWindow)) {
      throw BinanceError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
    }
    String totalParams = withoutSignature(request.getQueryString()) + (body == null ? "" : body);
    if (!constantTimeEquals(signature, hmac(totalParams))) {
      throw BinanceError.badRequest(-1022, "Signature for this request is not valid.");
    }
  }

  private static long parse(String value, long fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw BinanceError.mandatory(name);
    }
  }

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
