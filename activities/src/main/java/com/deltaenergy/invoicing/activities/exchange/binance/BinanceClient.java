package com.deltaenergy.invoicing.activities.exchange.binance;

import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.encode;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.errorBody;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.failureText;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.ordered;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.parseRetryAfter;

import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.SignedExchangeClient;
import com.deltaenergy.invoicing.activities.exchange.SignedRequests.ErrorBody;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance Spot and wallet (SAPI) endpoints over OkHttp. SIGNED calls carry every parameter in the
 * query string followed by {@code timestamp}, {@code recvWindow} and the HMAC-SHA256
 * {@code signature} of that text, with the key in X-MBX-APIKEY. Binance bans an IP that keeps
 * calling after a 429 (418, for minutes to days), so after a 429 or 418 this client makes no call
 * until Retry-After has passed. The same client talks to the sandbox exchange.
 */
public class BinanceClient extends SignedExchangeClient {

  private static final Logger log = LoggerFactory.getLogger(BinanceClient.class);
  static final String API_KEY_HEADER = "X-MBX-APIKEY";
  /** Request weight used in the current minute, as Binance reports it (IP limit 6000). */
  static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
  private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(60);

  private volatile Instant blockedUntil;
  private volatile int usedWeight;

  public BinanceClient(
      OkHttpClient http, Supplier<String> baseUrl, String apiKey, String apiSecret, Duration recvWindow,
      Duration timeSyncInterval, Clock clock) {
    super(http, baseUrl, apiKey, apiSecret, recvWindow, timeSyncInterval, clock);
  }

  @Override
  public String exchange() {
    return "Binance";
  }

  /** The weight Binance last reported for this minute. */
  public int usedWeight() {
    return usedWeight;
  }

  @Override
  public long serverTime() {
    return call("GET", "/api/v3/time", Map.of(), false, new TypeReference<BinanceApi.ServerTime>() {}).serverTime();
  }

  public BinanceApi.TickerPrice tickerPrice(String symbol) {
    return call("GET", "/api/v3/ticker/price", ordered("symbol", symbol), false,
        new TypeReference<BinanceApi.TickerPrice>() {});
  }

  public List<BinanceApi.CoinConfig> coinConfigs() {
    return call("GET", "/sapi/v1/capital/config/getall", Map.of(), true,
        new TypeReference<List<BinanceApi.CoinConfig>>() {});
  }

  public BinanceApi.DepositAddress depositAddress(String coin, String network) {
    return call("GET", "/sapi/v1/capital/deposit/address", ordered("coin", coin, "network", network), true,
        new TypeReference<BinanceApi.DepositAddress>() {});
  }

  /** One page of a coin's deposit history in [start, end] (at most 90 days, 1000 records). */
  public List<BinanceApi.DepositRecord> depositHistory(String coin, Instant start, Instant end, int offset, int limit) {
    Map<String, String> params = ordered("coin", coin);
    params.put("startTime", String.valueOf(start.toEpochMilli()));
    params.put("endTime", String.valueOf(end.toEpochMilli()));
    params.put("offset", String.valueOf(offset));
    params.put("limit", String.valueOf(limit));
    return call("GET", "/sapi/v1/capital/deposit/hisrec", params, true,
        new TypeReference<List<BinanceApi.DepositRecord>>() {});
  }

  public BinanceApi.ApiRestrictions apiRestrictions() {
    return call("GET", "/sapi/v1/account/apiRestrictions", Map.of(), true,
        new TypeReference<BinanceApi.ApiRestrictions>() {});
  }

  @Override
  protected int timestampOutsideRecvWindowCode() {
    return BinanceException.TIMESTAMP_OUTSIDE_RECV_WINDOW;
  }

  @Override
  protected <T> T send(String method, String path, Map<String, String> params, boolean signed, TypeReference<T> type) {
    String described = method + " " + path;
    Instant blocked = blockedUntil;
    if (blocked != null && clock.instant().isBefore(blocked)) {
      throw new BinanceException(
          ExchangeException.Kind.RATE_LIMITED,
          described + " not sent: Binance asked us to wait until " + blocked, 0, null,
          Duration.between(clock.instant(), blocked), null);
    }
    String query = encode(params);
    Request.Builder request = new Request.Builder();
    if (signed) {
      if (!hasCredentials()) {
        throw new BinanceException(
            ExchangeException.Kind.AUTHENTICATION,
            "Binance credentials are not configured (set BINANCE_API_KEY and BINANCE_API_SECRET)", 0, null, null, null);
      }
      query = signed(query, request, API_KEY_HEADER);
    }
    String url = baseUrl() + path;
    request.url(query.isEmpty() ? url : url + "?" + query).method(method, null);
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      String weight = response.header(USED_WEIGHT_HEADER);
      if (weight != null) {
        try {
          usedWeight = Integer.parseInt(weight.trim());
        } catch (NumberFormatException ignored) {
          // a malformed header says nothing
        }
      }
      if (!response.isSuccessful()) {
        throw failure(described, response.code(), text, response.header("Retry-After"));
      }
      return json.readValue(text, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BinanceException(
          ExchangeException.Kind.REJECTED, described + " returned an unexpected body: " + e.getOriginalMessage(),
          200, null, null, null);
    } catch (InterruptedIOException e) {
      throw new BinanceException(ExchangeException.Kind.UNAVAILABLE, described + " timed out", 0, null, null, e);
    } catch (IOException e) {
      throw new BinanceException(
          ExchangeException.Kind.UNAVAILABLE,
          described + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null, null, e);
    }
  }

  private BinanceException failure(String described, int status, String body, String retryAfterHeader) {
    ErrorBody error = errorBody(json, body);
    ExchangeException.Kind kind = BinanceException.classify(status, error.code());
    Duration retryAfter = parseRetryAfter(retryAfterHeader);
    if (kind == ExchangeException.Kind.RATE_LIMITED) {
      Duration wait = retryAfter == null ? DEFAULT_BACKOFF : retryAfter;
      blockedUntil = clock.instant().plus(wait);
      retryAfter = wait;
      log.warn("Binance rate limit ({}): no calls for {} s", status, wait.toSeconds());
    }
    String text =
        failureText(described, status, "Binance", error, kind,
            "Check the Binance key, its permissions (Enable Reading) and IP allow-list.");
    return new BinanceException(kind, text, status, error.code(), retryAfter, null);
  }
}
