package com.deltaenergy.invoicing.activities.exchange;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MEXC and Binance REST clients share, so each keeps only its endpoints and error rules:
 * the credentials, the exchange's clock (a signed request carries the exchange's time, re-read
 * when older than the sync interval, and at once when the exchange says a timestamp fell outside
 * the receive window, after which the call is made once more) and the signing of a query.
 */
public abstract class SignedExchangeClient {

  private static final Logger log = LoggerFactory.getLogger(SignedExchangeClient.class);

  protected final OkHttpClient http;
  protected final Clock clock;
  protected final ObjectMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final Supplier<String> baseUrl;
  private final String apiKey;
  private final String apiSecret;
  private final Duration recvWindow;
  private final Duration timeSyncInterval;

  private volatile ExchangeCallPace pace = ExchangeCallPace.documented();

  private volatile long clockOffsetMillis;
  private volatile Instant clockSyncedAt;

  protected SignedExchangeClient(
      OkHttpClient http, Supplier<String> baseUrl, String apiKey, String apiSecret, Duration recvWindow,
      Duration timeSyncInterval, Clock clock) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
    this.recvWindow = recvWindow;
    this.timeSyncInterval = timeSyncInterval;
    this.clock = clock;
  }

  /**
   * Paces this client at {@code callsPerWindow} per endpoint per 10 s instead of the documented
   * limit ({@link ExchangeCallPace#DOCUMENTED_CALLS_PER_WINDOW}): for an account the exchange
   * allows more, or a deployment that shares one account between processes and wants less.
   */
  public void limitCallsPerWindow(int callsPerWindow) {
    pace = ExchangeCallPace.perWindow(callsPerWindow);
  }

  /** The exchange's name in messages and health checks ("MEXC", "Binance"). */
  public abstract String exchange();

  /** The exchange's time in epoch milliseconds (an unsigned call). */
  public abstract long serverTime();

  /** One call as it is sent, without the clock correction of {@link #call}. */
  protected abstract <T> T send(
      String method, String path, Map<String, String> params, boolean signed, TypeReference<T> type);

  /** The exchange's error code for a signed call's timestamp outside the receive window. */
  protected abstract int timestampOutsideRecvWindowCode();

  /** An unsigned call that proves the exchange is reachable (both serve Spot API v3's ping). */
  public void ping() {
    call("GET", "/api/v3/ping", Map.of(), false, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {});
  }

  public String baseUrl() {
    return baseUrl.get();
  }

  public boolean hasCredentials() {
    return !apiKey.isBlank() && !apiSecret.isBlank();
  }

  /** Exchange time minus local time, re-read when older than the sync interval. */
  public long clockOffsetMillis() {
    syncClockIfStale();
    return clockOffsetMillis;
  }

  /** Re-reads the exchange clock now. */
  public void syncClock() {
    long before = clock.millis();
    long server = serverTime();
    long after = clock.millis();
    clockOffsetMillis = server - (before + after) / 2;
    clockSyncedAt = clock.instant();
    if (Math.abs(clockOffsetMillis) > 1000) {
      log.warn("{} clock differs from ours by {} ms; signed requests are corrected", exchange(), clockOffsetMillis);
    }
  }

  /**
   * The query of a signed call, with the exchange's time, the receive window and the signature;
   * the API key goes into {@code keyHeader} of the request.
   */
  protected String signed(String query, Request.Builder request, String keyHeader) {
    syncClockIfStale();
    request.header(keyHeader, apiKey);
    return SignedRequests.signedQuery(query, recvWindow, clock.millis() + clockOffsetMillis, apiSecret);
  }

  /** A call; a signed one refused for its timestamp is made again once the clock is re-read. */
  protected <T> T call(String method, String path, Map<String, String> params, boolean signed, TypeReference<T> type) {
    String endpoint = method + " " + path;
    try {
      pace.await(exchange(), endpoint);
      return send(method, path, params, signed, type);
    } catch (ExchangeException e) {
      if (signed && e instanceof ExchangeCallException refused && refused.code() != null
          && refused.code() == timestampOutsideRecvWindowCode()) {
        // Our clock drifted since the last sync: correct it and try once more.
        syncClock();
        pace.await(exchange(), endpoint);
        return send(method, path, params, signed, type);
      }
      throw e;
    }
  }

  private void syncClockIfStale() {
    Instant synced = clockSyncedAt;
    if (synced == null || synced.plus(timeSyncInterval).isBefore(clock.instant())) {
      syncClock();
    }
  }
}
