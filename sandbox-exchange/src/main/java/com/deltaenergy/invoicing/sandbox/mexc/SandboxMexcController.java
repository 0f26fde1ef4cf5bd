package com.deltaenergy.invoicing.sandbox.mexc;

import com.deltaenergy.invoicing.sandbox.ledger.SandboxAddress;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxDeposit;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxLedger;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** MEXC Spot v3 endpoints the invoicing system uses, with MEXC's shapes and error codes. */
@RestController
@RequestMapping(SandboxMexcController.BASE)
public class SandboxMexcController {

  public static final String BASE = "/sandbox/api/v3";
  private static final Duration HISTORY_WINDOW = Duration.ofDays(7);
  private static final Duration HISTORY_REACH = Duration.ofDays(90);
  private static final int MAX_LIMIT = 1000;

  private final SandboxLedger ledger;
  private final MexcRequestVerifier verifier;

  public SandboxMexcController(SandboxLedger ledger, MexcRequestVerifier verifier) {
    this.ledger = ledger;
    this.verifier = verifier;
  }

  @GetMapping("/ping")
  Map<String, Object> ping() {
    return Map.of();
  }

  @GetMapping("/time")
  MexcResponses.ServerTime time() {
    return new MexcResponses.ServerTime(ledger.now().toEpochMilli());
  }

  @GetMapping("/ticker/price")
  Object tickerPrice(@RequestParam(required = false) String symbol) {
    if (symbol == null) {
      return ledger.prices().entrySet().stream()
          .map(e -> new MexcResponses.TickerPrice(e.getKey(), e.getValue().toPlainString()))
          .toList();
    }
    BigDecimal price =
        ledger.price(symbol).orElseThrow(() -> MexcError.badRequest(30014, "invalid symbol"));
    return new MexcResponses.TickerPrice(symbol.toUpperCase(), price.toPlainString());
  }

  @GetMapping("/capital/config/getall")
  List<MexcResponses.CoinConfig> coins(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body);
    return Arrays.stream(SandboxNetwork.values())
        .map(SandboxNetwork::coin)
        .distinct()
        .map(
            coin ->
                new MexcResponses.CoinConfig(
                    coin, coin, SandboxNetwork.ofCoin(coin).stream().map(SandboxMexcController::config).toList()))
        .toList();
  }

  @PostMapping("/capital/deposit/address")
  List<MexcResponses.DepositAddress> generateAddress(
      HttpServletRequest request,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String coin,
      @RequestParam(required = false) String network) {
    verifier.verify(request, body);
    SandboxNetwork resolved = network(coin, network);
    return List.of(address(ledger.newAddress(resolved)));
  }

  @GetMapping("/capital/deposit/address")
  List<MexcResponses.DepositAddress> addresses(
      HttpServletRequest request,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String coin,
      @RequestParam(required = false) String network) {
    verifier.verify(request, body);
    if (coin == null || coin.isBlank()) {
      throw MexcError.badRequest(10222, "currency cannot be null");
    }
    String label = network == null ? null : network(coin, network).label();
    return ledger.addresses(coin, a -> label == null || a.network().equals(label)).stream()
        .map(SandboxMexcController::address)
        .toList();
  }

  @GetMapping("/capital/deposit/hisrec")
  List<MexcResponses.DepositRecord> depositHistory(
      HttpServletRequest request,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String coin,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long startTime,
      @RequestParam(required = false) Long endTime,
      @RequestParam(required = false) Integer limit) {
    verifier.verify(request, body);
    Instant now = ledger.now();
    Instant end = endTime == null ? now : Instant.ofEpochMilli(endTime);
    Instant start = startTime == null ? end.minus(HISTORY_WINDOW) : Instant.ofEpochMilli(startTime);
    if (start.isAfter(end) || Duration.between(start, end).compareTo(HISTORY_WINDOW) > 0) {
      throw MexcError.invalidParameter("startTime and endTime must be at most 7 days apart");
    }
    int max = limit == null ? MAX_LIMIT : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw MexcError.invalidParameter("limit must be between 1 and 1000");
    }
    Instant reach = now.minus(HISTORY_REACH);
    return ledger
        .deposits(
            d -> (coin == null || d.coin().equalsIgnoreCase(coin))
                && !d.insertTime().isBefore(start)
                && !d.insertTime().isAfter(end)
                && !d.insertTime().isBefore(reach)
                && SandboxAddress.MEXC.equals(ledger.venueOf(d.address())))
        .stream()
        .map(this::record)
        .filter(r -> status == null || String.valueOf(r.status()).equals(status))
        .limit(max)
        .toList();
  }

  @GetMapping("/account")
  MexcResponses.AccountInfo account(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body);
    return new MexcResponses.AccountInfo(
        true, true, true, null, "SPOT", List.of(), List.of("SPOT"));
  }

  private SandboxNetwork network(String coin, String network) {
    if (coin == null || coin.isBlank()) {
      throw MexcError.badRequest(10222, "currency cannot be null");
    }
    if (SandboxNetwork.ofCoin(coin).isEmpty()) {
      throw MexcError.badRequest(10232, "currency does not exist");
    }
    return SandboxNetwork.find(coin, network)
        .orElseThrow(() -> MexcError.invalidParameter("network " + network + " is not offered for " + coin));
  }

  private MexcResponses.DepositRecord record(SandboxDeposit deposit) {
    SandboxNetwork network = SandboxNetwork.find(deposit.coin(), deposit.network()).orElseThrow();
    int confirmations = ledger.confirmations(deposit);
    return new MexcResponses.DepositRecord(
        deposit.amount().toPlainString(),
        deposit.coin(),
        deposit.network(),
        confirmations >= network.unlockConfirm() ? 5 : 4,
        deposit.address(),
        deposit.txId(),
        deposit.insertTime().toEpochMilli(),
        String.valueOf(network.unlockConfirm()),
        String.valueOf(confirmations),
        deposit.memo());
  }

  private static MexcResponses.DepositAddress address(SandboxAddress address) {
    return new MexcResponses.DepositAddress(
        address.coin(), address.network(), address.address(), address.memo());
  }

  private static MexcResponses.NetworkConfig config(SandboxNetwork network) {
    return new MexcResponses.NetworkConfig(
        network.coin(), null, true, network.minConfirm(), network.coin() + "-" + network.shortId(),
        network.label(), true, "0.000100000000000000", "10000.000000000000000000",
        "0.001000000000000000", false, network.contract(), null, null, network.shortId());
  }
}
