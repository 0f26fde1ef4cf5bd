package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.exchange.mexc.MexcSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What MEXC's and Binance's REST APIs have in common, so each client keeps only what differs:
 * query strings, SIGNED requests (recvWindow, timestamp and the HMAC-SHA256 signature of the
 * query), Retry-After, and error bodies of the form {"code":…,"msg":…}.
 */
public final class SignedRequests {

  /** The code and message of an exchange's error body; both null when it had none. */
  public record ErrorBody(Integer code, String message) {}

  private SignedRequests() {}

  /** Parameters in the order given, each name and value URL-encoded (space as %20). */
  public static String encode(Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach(
        (name, value) ->
            pairs.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    return String.join("&", pairs);
  }

  /** Alternating names and values as a map that keeps their order. */
  public static Map<String, String> ordered(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /**
   * The query of a SIGNED request with an empty body: the parameters, then recvWindow and
   * timestamp, then the signature of all that.
   */
  public static String signedQuery(String query, Duration recvWindow, long timestamp, String secret) {
    String signed =
        (query.isEmpty() ? "" : query + "&") + "recvWindow=" + recvWindow.toMillis() + "&timestamp=" + timestamp;
    return signed + "&signature=" + MexcSignature.sign(secret, signed);
  }

  /** Retry-After in seconds; an HTTP date or nothing is null. */
  public static Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException httpDate) {
      return null;
    }
  }

  /** The code and message of an error body; none of either for a bare gateway page. */
  public static ErrorBody errorBody(ObjectMapper json, String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.has("code")) {
        return new ErrorBody(node.get("code").asInt(), node.path("msg").asText(null));
      }
    } catch (IOException notJson) {
      // a bare gateway page: the HTTP status alone
    }
    return new ErrorBody(null, null);
  }

  /**
   * "GET /path failed: HTTP 400, MEXC code 700002 (message)", and what to check when the exchange
   * refused the credentials ({@code credentialsHint}, for {@link ExchangeException.Kind#AUTHENTICATION}).
   */
  public static String failureText(
      String described, int status, String exchange, ErrorBody error, ExchangeException.Kind kind,
      String credentialsHint) {
    StringBuilder text = new StringBuilder(described).append(" failed: HTTP ").append(status);
    if (error.code() != null) {
      text.append(", ").append(exchange).append(" code ").append(error.code());
    }
    if (error.message() != null) {
      text.append(" (").append(error.message()).append(')');
    }
    if (kind == ExchangeException.Kind.AUTHENTICATION) {
      text.append(". ").append(credentialsHint);
    }
    return text.toString();
  }
}
