package com.deltaenergy.invoicing.activities.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.SandboxBackedTest;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProperties;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.activities.exchange.mexc.MexcExchangeProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production Binance client and provider against the sandbox's Binance endpoints, over real
 * HTTP: signatures, shared addresses, deposit history, error codes and the rate-limit back-off.
 */
class BinanceClientSandboxTest extends SandboxBackedTest {

  private static final String BINANCE = SANDBOX + "/binance";

  @Autowired @org.springframework.beans.factory.annotation.Qualifier("exchangeHttpClient") OkHttpClient http;
  @Autowired ExchangeProperties exchangeProperties;
  @Autowired MexcExchangeProvider mexc;

  private BinanceClient client(String key, String secret) {
    return new BinanceClient(http, () -> BINANCE, key, secret, Duration.ofSeconds(5), Duration.ofMinutes(5), Clock.systemUTC());
  }

  private BinanceExchangeProvider provider(BinanceClient client) {
    return new BinanceExchangeProvider(client, exchangeProperties, Clock.systemUTC());
  }

  @AfterEach
  void clearFaults() {
    control("DELETE", "/faults", null);
  }

  @Test
  void readsTimeAndPricesAndNamesABadSymbol() {
    BinanceClient client = client(KEY, SECRET);
    assertThat(client.serverTime()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
    control("PUT", "/prices/TAOUSDT", "{\"price\": 433.5}");
    assertThat(provider(client).usdtPrice(CryptoCurrency.TAO)).isEqualByComparingTo("433.5");
    assertThatThrownBy(() -> client.tickerPrice("NOPEUSDT"))
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.code()).isEqualTo(-1121);
          assertThat(e.kind()).isEqualTo(ExchangeException.Kind.REJECTED);
        });
  }

  @ParameterizedTest
  @EnumSource(PaymentNetwork.class)
  void everyInvoiceOnANetworkGetsTheAccountsOneAddress(PaymentNetwork network) {
    BinanceExchangeProvider provider = provider(client(KEY, SECRET));
    assertThat(provider.sharesDepositAddresses()).isTrue();
    DepositAddress first = provider.newDepositAddress(network);
    DepositAddress second = provider.newDepositAddress(network);
    assertThat(second.address()).isEqualTo(first.address());
    assertThat(BlockchainAddresses.problem(network, first.address())).isEmpty();
    assertThat(first.exchangeNetwork()).isEqualTo(BinanceExchangeProvider.NETWORK_CODES.get(network));
    assertThat(mexc.newDepositAddress(network).address()).isNotEqualTo(first.address());
  }

  @Test
  void readsItsOwnAccountsDepositHistoryWithStatusesAndConfirmations() {
    BinanceExchangeProvider provider = provider(client(KEY, SECRET));
    String address = provider.newDepositAddress(PaymentNetwork.TRC20).address();
    JsonNode paid =
        control("POST", "/deposits",
            "{\"address\": \"" + address + "\", \"amount\": 250.000123, \"coin\": \"USDT\", \"network\": \"TRC20\"}");
    String tx = paid.get("tx_id").asText();
    control("POST", "/deposits/" + tx + "/confirmations", "{\"confirmations\": 7}");
    String mexcAddress = mexc.newDepositAddress(PaymentNetwork.TRC20).address();
    String mexcTx =
        control("POST", "/deposits",
            "{\"address\": \"" + mexcAddress + "\", \"amount\": 5, \"coin\": \"USDT\", \"network\": \"TRC20\"}")
            .get("tx_id").asText();

    List<ObservedDeposit> deposits = history(provider);
    ObservedDeposit pending = find(deposits, tx);
    assertThat(pending.amount()).isEqualByComparingTo("250.000123");
    assertThat(pending.network()).isEqualTo(PaymentNetwork.TRC20);
    assertThat(pending.exchangeNetwork()).isEqualTo("TRX");
    assertThat(pending.address()).isEqualTo(address);
    assertThat(pending.confirmations()).isEqualTo(7);
    assertThat(pending.status()).isEqualTo(DepositStatus.PENDING);
    assertThat(pending.rawRecord()).contains("\"confirmTimes\":\"7/20\"");
    // The MEXC account's deposit is not in the Binance account's history.
    assertThat(deposits).extracting(ObservedDeposit::txId).doesNotContain(mexcTx);

    control("POST", "/deposits/" + tx + "/confirmations", "{\"confirmations\": 19}");
    assertThat(find(history(provider), tx).status()).isEqualTo(DepositStatus.CREDITED); // 6: credited, not withdrawable
    control("POST", "/deposits/" + tx + "/confirmations", "{\"confirmations\": 20}");
    assertThat(find(history(provider), tx).confirmations()).isEqualTo(20);
  }

  @Test
  void aWrongSecretOrKeyIsAnAuthenticationFailureWithBinancesCode() {
    assertThatThrownBy(() -> client(KEY, "not-the-secret").coinConfigs())
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.code()).isEqualTo(-1022);
          assertThat(e.kind()).isEqualTo(ExchangeException.Kind.AUTHENTICATION);
          assertThat(e.getMessage()).doesNotContain("not-the-secret");
        });
    assertThatThrownBy(() -> client("someone-else", SECRET).coinConfigs())
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.code()).isEqualTo(-2015);
          assertThat(e.httpStatus()).isEqualTo(401);
        });
    HttpResponse<String> unsigned = get("/sapi/v1/capital/deposit/hisrec?coin=USDT", KEY);
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("-1102").contains("timestamp");
    HttpResponse<String> noKey = get("/sapi/v1/capital/deposit/hisrec?coin=USDT", null);
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.body()).contains("-2014");
  }

  @Test
  void afterA429NoCallIsMadeUntilRetryAfterHasPassed() throws Exception {
    BinanceClient client = client(KEY, SECRET);
    control("POST", "/faults", "{\"error_rate\": 1, \"status\": 429, \"retry_after_seconds\": 2}");
    assertThatThrownBy(client::ping)
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
          assertThat(e.code()).isEqualTo(-1003);
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    control("DELETE", "/faults", null);
    long callsBefore = pings();
    assertThatThrownBy(client::ping)
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
          assertThat(e.httpStatus()).isZero(); // refused here, never sent
        });
    assertThat(pings()).isEqualTo(callsBefore);
    Thread.sleep(2_100);
    client.ping();
    assertThat(pings()).isEqualTo(callsBefore + 1);
  }

  @Test
  void serverErrorsAreTransientAndTheCheckReportsAHealthyAccount() {
    BinanceExchangeProvider provider = provider(client(KEY, SECRET));
    control("POST", "/faults", "{\"error_rate\": 1, \"status\": 503}");
    assertThatThrownBy(() -> provider.usdtPrice(CryptoCurrency.BTC))
        .isInstanceOfSatisfying(BinanceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE);
          assertThat(e.code()).isEqualTo(-1001);
        });
    ExchangeCheck down = provider.check();
    assertThat(down.reachable()).isFalse();
    control("DELETE", "/faults", null);
    ExchangeCheck check = provider.check();
    assertThat(check.provider()).isEqualTo("Binance");
    assertThat(check.reachable()).isTrue();
    assertThat(check.credentialsValid()).isTrue();
    assertThat(check.problems()).isEmpty();
    assertThat(check.permissions()).contains("reading", "wallet-read");
  }

  private static List<ObservedDeposit> history(BinanceExchangeProvider provider) {
    return provider.deposits(CryptoCurrency.USDT, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1));
  }

  private static ObservedDeposit find(List<ObservedDeposit> deposits, String txId) {
    return deposits.stream().filter(d -> d.txId().equals(txId)).findFirst()
        .orElseThrow(() -> new AssertionError(txId + " not in " + deposits));
  }

  private static long pings() {
    JsonNode stats = control("GET", "/stats", null);
    JsonNode ping = stats.get("GET /sandbox/binance/api/v3/ping");
    return ping == null ? 0 : ping.get("calls").asLong();
  }

  private static HttpResponse<String> get(String pathAndQuery, String apiKey) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BINANCE + pathAndQuery));
      if (apiKey != null) {
        request.header("X-MBX-APIKEY", apiKey);
      }
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
