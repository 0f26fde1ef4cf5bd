package com.deltaenergy.invoicing.activities.exchange.mexc;

import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.encode;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.errorBody;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.failureText;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.ordered;
import static com.deltaenergy.invoicing.activities.exchange.SignedRequests.parseRetryAfter;

import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.SignedExchangeClient;
import com.deltaenergy.invoicing.activities.exchange.SignedRequests.ErrorBody;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MEXC Spot API v3 over OkHttp. Signed calls put every parameter in the query string (MEXC's own
 * demos do so for POST too) so the signed text is exactly what is sent; the request timestamp is
 * corrected by the exchange's clock. The same client talks to the sandbox exchange.
 */
public class MexcClient extends SignedExchangeClient {

  private static final Logger log = LoggerFactory.getLogger(MexcClient.class);
  private static final MediaType JSON = MediaType.get("application/json");
  static final String API_KEY_HEADER = "X-MEXC-APIKEY";

  public MexcClient(
      OkHttpClient http,
      Supplier<String> baseUrl,
      String apiKey,
      String apiSecret,
      Duration recvWindow,
      Duration timeSyncInterval,
      Clock clock) {
    super(http, baseUrl, apiKey, apiSecret, recvWindow, timeSyncInterval, clock);
  }

  @Override
  public String exchange() {
    return "MEXC";
  }

  // ---- public endpoints ----

  @Override
  public long serverTime() {
    return call("GET", "/api/v3/time", Map.of(), false, new TypeReference<MexcApi.ServerTime>() {})
        .serverTime();
  }

  public MexcApi.TickerPrice tickerPrice(String symbol) {
    return call(
        "GET", "/api/v3/ticker/price", Map.of("symbol", symbol), false,
        new TypeReference<MexcApi.TickerPrice>() {});
  }

  // ---- signed endpoints ----

  public List<MexcApi.CoinConfig> coinConfigs() {
    return call(
        "GET", "/api/v3/capital/config/getall", Map.of(), true,
        new TypeReference<List<MexcApi.CoinConfig>>() {});
  }

  /** Generates a new deposit address (POST). MEXC answers with one record or a list of one. */
  public MexcApi.DepositAddressRecord generateDepositAddress(String coin, String network) {
    JsonNode node =
        call(
            "POST", "/api/v3/capital/deposit/address", ordered("coin", coin, "network", network),
            true, new TypeReference<JsonNode>() {});
    JsonNode record = node.isArray() ? node.path(0) : node;
    return json.convertValue(record, MexcApi.DepositAddressRecord.class);
  }

  public List<MexcApi.DepositAddressRecord> depositAddresses(String coin, String network) {
    Map<String, String> params = ordered("coin", coin);
    if (network != null) {
      params.put("network", network);
    }
    return call(
        "GET", "/api/v3/capital/deposit/address", params, true,
        new TypeReference<List<MexcApi.DepositAddressRecord>>() {});
  }

  /**
   * Deposit history of one coin between two instants. MEXC caps the window at 7 days and the
   * page at 1000 records; callers split longer periods.
   */
  public List<MexcApi.DepositRecord> depositHistory(String coin, Instant start, Instant end, int limit) {
    Map<String, String> params = ordered("coin", coin);
    params.put("startTime", String.valueOf(start.toEpochMilli()));
    params.put("endTime", String.valueOf(end.toEpochMilli()));
    params.put("limit", String.valueOf(limit));
    return call(
        "GET", "/api/v3/capital/deposit/hisrec", params, true,
        new TypeReference<List<MexcApi.DepositRecord>>() {});
  }

  public MexcApi.AccountInfo account() {
    return call("GET", "/api/v3/account", Map.of(), true, new TypeReference<MexcApi.AccountInfo>() {});
  }

  @Override
  protected int timestampOutsideRecvWindowCode() {
    return MexcException.TIMESTAMP_OUTSIDE_RECV_WINDOW;
  }

  @Override
  protected <T> T send(
      String method, String path, Map<String, String> params, boolean signed, TypeReference<T> type) {
    String query = encode(params);
    String url = baseUrl() + path;
    Request.Builder request = new Request.Builder();
    if (signed) {
      if (!hasCredentials()) {
        throw new MexcException(
            ExchangeException.Kind.AUTHENTICATION,
            "MEXC credentials are not configured (set MEXC_API_KEY and MEXC_API_SECRET)",
            0, null, null, null);
      }
      // Empty body: totalParams is the query string alone.
      query = signed(query, request, API_KEY_HEADER);
    }
    request.url(query.isEmpty() ? url : url + "?" + query);
    request.method(method, "POST".equals(method) ? RequestBody.create(new byte[0], JSON) : null);
    String described = method + " " + path;
    long started = System.nanoTime();
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (log.isDebugEnabled()) {
        log.debug("{} {} -> {} in {} ms", described, params, response.code(),
            (System.nanoTime() - started) / 1_000_000);
      }
      if (!response.isSuccessful()) {
        throw failure(described, response.code(), text, response.header("Retry-After"));
      }
      return parse(described, response.code(), text, type);
    } catch (InterruptedIOException e) {
      throw new MexcException(
          ExchangeException.Kind.UNAVAILABLE, described + " timed out", 0, null, null, e);
    } catch (IOException e) {
      throw new MexcException(
          ExchangeException.Kind.UNAVAILABLE,
          described + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          0, null, null, e);
    }
  }

  /** A body that is not the documented shape is an error object at best, else a rejection. */
  private <T> T parse(String described, int status, String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException unexpected) {
      MexcException failure = failure(described, status, text, null);
      if (failure.code() != null) {
        throw failure;
      }
      throw new MexcException(
          ExchangeException.Kind.REJECTED,
          described + " returned an unexpected body: " + unexpected.getOriginalMessage(),
          status, null, null, null);
    }
  }

  private MexcException failure(String described, int status, String body, String retryAfterHeader) {
    ErrorBody error = errorBody(json, body);
    ExchangeException.Kind kind = MexcException.classify(status, error.code());
    String text =
        failureText(described, status, "MEXC", error, kind,
            "Check MEXC_API_KEY/MEXC_API_SECRET, the key's permissions and IP allow-list.");
    return new MexcException(kind, text, status, error.code(), parseRetryAfter(retryAfterHeader), null);
  }
}
