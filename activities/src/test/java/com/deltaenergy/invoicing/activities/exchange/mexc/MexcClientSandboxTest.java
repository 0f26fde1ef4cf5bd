package com.deltaenergy.invoicing.activities.exchange.mexc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.SandboxBackedTest;
import com.deltaenergy.invoicing.activities.exchange.ExchangeCallPace;
import com.deltaenergy.invoicing.activities.exchange.ExchangeException;
import com.deltaenergy.invoicing.activities.exchange.ExchangeNetwork;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProperties;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The production MEXC client and provider against the sandbox exchange, over real HTTP. */
class MexcClientSandboxTest extends SandboxBackedTest {

  @Autowired MexcClient client;
  @Autowired MexcExchangeProvider provider;
  @Autowired ExchangeProperties exchangeProperties;

  @AfterEach
  void clearFaults() {
    control("DELETE", "/faults", null);
  }

  @Test
  void readsTimeAndPrices() {
    assertThat(client.serverTime()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
    control("PUT", "/prices/TAOUSDT", "{\"price\": 431.123456789}");
    assertThat(client.tickerPrice("TAOUSDT").price()).isEqualByComparingTo("431.123456789");
    assertThat(provider.usdtPrice(CryptoCurrency.TAO)).isEqualByComparingTo("431.123456789");
    assertThat(provider.usdtPrice(CryptoCurrency.USDT)).isEqualByComparingTo("1");

    assertThatThrownBy(() -> client.tickerPrice("NOPEUSDT"))
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(30014);
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.REJECTED);
            });
  }

  @Test
  void resolvesEveryNetworkFromTheCoinList() {
    assertThat(provider.network(PaymentNetwork.TRC20))
        .isEqualTo(new ExchangeNetwork(PaymentNetwork.TRC20, "USDT", "Tron(TRC20)", "TRX", 19, true));
    assertThat(provider.network(PaymentNetwork.BEP20).label()).isEqualTo("BNB Smart Chain(BEP20)");
    assertThat(provider.network(PaymentNetwork.ERC20).label()).isEqualTo("Ethereum(ERC20)");
    assertThat(provider.network(PaymentNetwork.BTC).label()).isEqualTo("Bitcoin(BTC)");
    assertThat(provider.network(PaymentNetwork.TAO).label()).isEqualTo("Bittensor(TAO)");
  }

  @ParameterizedTest
  @EnumSource(PaymentNetwork.class)
  void generatesFreshWellFormedAddresses(PaymentNetwork network) {
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      DepositAddress address = provider.newDepositAddress(network);
      assertThat(BlockchainAddresses.problem(network, address.address())).isEmpty();
      assertThat(address.exchangeNetwork()).isEqualTo(provider.network(network).label());
      addresses.add(address.address());
    }
    assertThat(addresses).hasSize(5);
    List<MexcApi.DepositAddressRecord> listed =
        client.depositAddresses(network.currency().name(), provider.network(network).label());
    assertThat(listed).extracting(MexcApi.DepositAddressRecord::address).containsAll(addresses);
  }

  /**
   * A burst of address requests (a bulk import's) stays within MEXC's 500 per endpoint per 10 s,
   * which the sandbox enforces as MEXC does: the client stops at its pace's limit and the exchange
   * never answers 429, so nothing looks like an outage and issuing does not fail over.
   */
  @Test
  void aBurstOfAddressRequestsKeepsWithinTheExchangesLimit() {
    control("DELETE", "/stats", null);
    MexcClient burst = client(KEY, SECRET, Clock.systemUTC());
    int issued = 0;
    for (int i = 0; i < 520; i++) {
      try {
        burst.generateDepositAddress("USDT", "Tron(TRC20)");
        issued++;
      } catch (ExchangeException e) {
        // Our pace refusing to wait longer than it may, before anything is sent.
        assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isPositive()
            .isLessThanOrEqualTo(ExchangeCallPace.DOCUMENTED_WINDOW.plus(ExchangeCallPace.ARRIVAL_MARGIN));
      }
    }
    assertThat(issued).isGreaterThanOrEqualTo(ExchangeCallPace.DOCUMENTED_CALLS_PER_WINDOW);

    JsonNode addresses = control("GET", "/stats", null).get("POST /sandbox/api/v3/capital/deposit/address");
    assertThat(addresses.get("rejected_by_rate_limit").asLong()).isZero();
    assertThat(addresses.get("max_calls_in_window").asInt()).isLessThanOrEqualTo(ExchangeCallPace.DOCUMENTED_CALLS_PER_WINDOW);
    // The window this burst filled is the sandbox's, shared with the tests after it.
    control("DELETE", "/stats", null);
  }

  @Test
  void readsDepositHistoryWithConfirmationsAndNetworks() {
    DepositAddress address = provider.newDepositAddress(PaymentNetwork.ERC20);
    JsonNode paid =
        control("POST", "/deposits",
            "{\"address\": \"" + address.address() + "\", \"amount\": 1234.567891, \"coin\": \"USDT\", \"network\": \"ERC20\"}");
    control("POST", "/deposits/" + paid.get("tx_id").asText() + "/confirmations", "{\"confirmations\": 7}");
    // The same coin sent on BNB Smart Chain to the same EVM address: a wrong-network payment.
    JsonNode wrongNetwork =
        control("POST", "/deposits",
            "{\"address\": \"" + address.address().toLowerCase() + "\", \"amount\": 10, \"coin\": \"USDT\", \"network\": \"BEP20\"}");

    List<ObservedDeposit> deposits =
        provider.deposits(CryptoCurrency.USDT, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1));

    ObservedDeposit onErc20 = find(deposits, paid.get("tx_id").asText());
    assertThat(onErc20.amount()).isEqualByComparingTo("1234.567891");
    assertThat(onErc20.network()).isEqualTo(PaymentNetwork.ERC20);
    assertThat(onErc20.exchangeNetwork()).isEqualTo("Ethereum(ERC20)");
    assertThat(onErc20.confirmations()).isEqualTo(7);
    assertThat(onErc20.status()).isEqualTo(DepositStatus.PENDING);
    assertThat(onErc20.coin()).isEqualTo(CryptoCurrency.USDT);
    assertThat(onErc20.rawRecord()).contains("\"confirmTimes\":7");
    ObservedDeposit onBep20 = find(deposits, wrongNetwork.get("tx_id").asText());
    assertThat(onBep20.network()).isEqualTo(PaymentNetwork.BEP20);

    control("POST", "/deposits/" + paid.get("tx_id").asText() + "/confirmations", "{\"confirmations\": 20}");
    ObservedDeposit credited =
        find(provider.deposits(CryptoCurrency.USDT, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1)),
            paid.get("tx_id").asText());
    assertThat(credited.confirmations()).isEqualTo(20);
    assertThat(credited.status()).isEqualTo(DepositStatus.CREDITED);
  }

  @Test
  void splitsPeriodsLongerThanMexcsSevenDayWindow() {
    long before = calls("GET /sandbox/api/v3/capital/deposit/hisrec");
    provider.deposits(CryptoCurrency.BTC, Instant.now().minus(Duration.ofDays(20)), Instant.now());
    assertThat(calls("GET /sandbox/api/v3/capital/deposit/hisrec") - before).isEqualTo(3);
  }

  @Test
  void aWrongSecretIsRejectedWithMexcsSignatureError() {
    MexcClient wrongSecret = client(KEY, "not-the-secret", Clock.systemUTC());
    assertThatThrownBy(wrongSecret::coinConfigs)
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(700002);
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.AUTHENTICATION);
              assertThat(e.kind().retryable()).isFalse();
              assertThat(e.getMessage()).contains("Signature for this request is not valid").doesNotContain("not-the-secret");
            });
  }

  @Test
  void anUnknownKeyIsRejected() {
    assertThatThrownBy(client("mx0unknown", SECRET, Clock.systemUTC())::account)
        .isInstanceOfSatisfying(MexcException.class, e -> assertThat(e.code()).isEqualTo(10072));
  }

  @Test
  void aTamperedSignatureIsRejected() {
    long now = System.currentTimeMillis();
    String query = "recvWindow=5000&timestamp=" + now;
    String signature = MexcSignature.sign(SECRET, query);
    assertThat(raw("/api/v3/account?" + query + "&signature=" + signature, KEY).statusCode()).isEqualTo(200);

    String tampered = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
    HttpResponse<String> response = raw("/api/v3/account?" + query + "&signature=" + tampered, KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":700002");

    String changedParameter = "recvWindow=6000&timestamp=" + now;
    response = raw("/api/v3/account?" + changedParameter + "&signature=" + signature, KEY);
    assertThat(response.body()).contains("\"code\":700002");
  }

  @Test
  void anOldTimestampIsRejected() {
    String query = "recvWindow=5000&timestamp=" + (System.currentTimeMillis() - 60_000);
    HttpResponse<String> response =
        raw("/api/v3/account?" + query + "&signature=" + MexcSignature.sign(SECRET, query), KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":700003");

    String tooLong = "recvWindow=90000&timestamp=" + System.currentTimeMillis();
    assertThat(raw("/api/v3/account?" + tooLong + "&signature=" + MexcSignature.sign(SECRET, tooLong), KEY).body())
        .contains("\"code\":700005");
  }

  @Test
  void aClientWhoseClockIsTenMinutesBehindCorrectsItself() {
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
    MexcClient skewed = client(KEY, SECRET, behind);
    assertThat(skewed.account()).isNotNull();
    assertThat(skewed.clockOffsetMillis()).isBetween(590_000L, 610_000L);
  }

  @Test
  void rateLimitsAreRetryableAfterRetryAfter() {
    control("POST", "/faults", "{\"error_rate\": 1, \"status\": 429, \"retry_after_seconds\": 7}");
    assertThatThrownBy(client::coinConfigs)
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void serverErrorsAndTimeoutsAreRetryable() {
    control("POST", "/faults", "{\"error_rate\": 1, \"status\": 503}");
    assertThatThrownBy(() -> client.tickerPrice("BTCUSDT"))
        .isInstanceOfSatisfying(
            MexcException.class, e -> assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE));

    control("POST", "/faults", "{\"error_rate\": 0, \"latency_ms\": 800}");
    MexcClient impatient =
        new MexcClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build(),
            () -> SANDBOX, KEY, SECRET, Duration.ofSeconds(5), Duration.ofMinutes(5), Clock.systemUTC());
    assertThatThrownBy(() -> impatient.tickerPrice("BTCUSDT"))
        .isInstanceOfSatisfying(
            MexcException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE);
              assertThat(e.getMessage()).contains("timed out");
            });
  }

  @Test
  void theCheckReportsAHealthyAccount() {
    ExchangeCheck check = provider.check();
    assertThat(check.healthy()).as("problems: %s", check.problems()).isTrue();
    assertThat(check.permissions()).contains("account-read", "wallet-read", "deposit-address-read");
    assertThat(check.latencyMillis()).isNotNegative();

    ExchangeCheck wrongKey =
        new MexcExchangeProvider(client("mx0unknown", SECRET, Clock.systemUTC()), exchangeProperties, Clock.systemUTC())
            .check();
    assertThat(wrongKey.healthy()).isFalse();
    assertThat(wrongKey.reachable()).isTrue();
    assertThat(wrongKey.credentialsValid()).isFalse();
    assertThat(wrongKey.problems()).anyMatch(p -> p.contains("10072"));
  }

  private MexcClient client(String key, String secret, Clock clock) {
    return new MexcClient(
        new OkHttpClient(), () -> SANDBOX, key, secret, Duration.ofSeconds(5), Duration.ofMinutes(5), clock);
  }

  private static ObservedDeposit find(List<ObservedDeposit> deposits, String txId) {
    return deposits.stream().filter(d -> d.txId().equals(txId)).findFirst().orElseThrow();
  }

}
