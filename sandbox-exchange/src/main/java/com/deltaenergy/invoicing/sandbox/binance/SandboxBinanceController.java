package com.deltaenergy.invoicing.sandbox.binance;

import com.deltaenergy.invoicing.sandbox.ledger.SandboxAddress;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxDeposit;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxLedger;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Binance Spot and wallet (SAPI) endpoints the invoicing system uses, with Binance's shapes,
 * status codes and error codes. Its account is separate from the MEXC one: it sees only deposits
 * to addresses it issued, and like Binance it has one address per coin and network.
 */
@RestController
@RequestMapping(SandboxBinanceController.BASE)
public class SandboxBinanceController {

  public static final String BASE = "/sandbox/binance";
  /** Binance serves at most 90 days between startTime and endTime, and 1000 records per page. */
  private static final Duration MAX_INTERVAL = Duration.ofDays(90);
  private static final int MAX_LIMIT = 1000;
  /** Binance deposit statuses: 0 pending, 6 credited (cannot withdraw yet), 1 success. */
  static final int PENDING = 0;
  static final int CREDITED_CANNOT_WITHDRAW = 6;
  static final int SUCCESS = 1;

  private final SandboxLedger ledger;
  private final BinanceRequestVerifier verifier;

  public SandboxBinanceController(SandboxLedger ledger, BinanceRequestVerifier verifier) {
    this.ledger = ledger;
    this.verifier = verifier;
  }

  @GetMapping("/api/v3/ping")
  Map<String, Object> ping() {
    return Map.of();
  }

  @GetMapping("/api/v3/time")
  Map<String, Object> time() {
    return Map.of("serverTime", ledger.now().toEpochMilli());
  }

  @GetMapping("/api/v3/ticker/price")
  Map<String, String> tickerPrice(@RequestParam String symbol) {
    BigDecimal price =
        ledger.price(symbol).orElseThrow(() -> BinanceError.badRequest(-1121, "Invalid symbol."));
    return Map.of("symbol", symbol.toUpperCase(Locale.ROOT), "price", price.toPlainString());
  }

  @GetMapping("/sapi/v1/capital/config/getall")
  List<Map<String, Object>> coins(HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body);
    return Arrays.stream(SandboxNetwork.values())
        .map(SandboxNetwork::coin)
        .distinct()
        .map(
            coin -> {
              Map<String, Object> config = new LinkedHashMap<>();
              config.put("coin", coin);
              config.put("depositAllEnable", true);
              config.put("name", coin);
              config.put("networkList", SandboxNetwork.ofCoin(coin).stream().map(SandboxBinanceController::network).toList());
              return config;
            })
        .toList();
  }

  /** Binance's GET: the account's one address for the coin and network (its default network if none). */
  @GetMapping("/sapi/v1/capital/deposit/address")
  Map<String, Object> address(
      HttpServletRequest request,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String coin,
      @RequestParam(required = false) String network) {
    verifier.verify(request, body);
    SandboxNetwork resolved = resolve(coin, network);
    SandboxAddress address = ledger.sharedAddress(SandboxAddress.BINANCE, resolved);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("address", address.address());
    answer.put("coin", resolved.coin());
    answer.put("tag", address.memo() == null ? "" : address.memo());
    answer.put("url", "");
    return answer;
  }

  @GetMapping("/sapi/v1/capital/deposit/hisrec")
  List<Map<String, Object>> depositHistory(
      HttpServletRequest request,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String coin,
      @RequestParam(required = false) Integer status,
      @RequestParam(required = false) Long startTime,
      @RequestParam(required = false) Long endTime,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String txId) {
    verifier.verify(request, body);
    Instant now = ledger.now();
    Instant end = endTime == null ? now : Instant.ofEpochMilli(endTime);
    Instant start = startTime == null ? end.minus(MAX_INTERVAL) : Instant.ofEpochMilli(startTime);
    if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_INTERVAL) > 0) {
      throw BinanceError.badRequest(-1127, "More than 90 days between startTime and endTime.");
    }
    int max = limit == null ? MAX_LIMIT : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw BinanceError.illegal("limit must be between 1 and 1000");
    }
    int skip = offset == null ? 0 : offset;
    if (skip < 0) {
      throw BinanceError.illegal("offset must not be negative");
    }
    return ledger
        .deposits(
            d -> (coin == null || d.coin().equalsIgnoreCase(coin))
                && (txId == null || d.txId().equalsIgnoreCase(txId))
                && !d.insertTime().isBefore(start)
                && !d.insertTime().isAfter(end)
                && SandboxAddress.BINANCE.equals(ledger.venueOf(d.address())))
        .stream()
        .map(this::record)
        .filter(r -> status == null || status.equals(r.get("status")))
        .skip(skip)
        .limit(max)
        .toList();
  }

  /** What the key may do; Binance's check of a key's permissions. */
  @GetMapping("/sapi/v1/account/apiRestrictions")
  Map<String, Object> apiRestrictions(HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ipRestrict", false);
    answer.put("createTime", ledger.now().toEpochMilli());
    answer.put("enableReading", true);
    answer.put("enableSpotAndMarginTrading", false);
    answer.put("enableWithdrawals", false);
    answer.put("enableInternalTransfer", false);
    return answer;
  }

  private static SandboxNetwork resolve(String coin, String network) {
    if (coin == null || coin.isBlank()) {
      throw BinanceError.mandatory("coin");
    }
    List<SandboxNetwork> offered = SandboxNetwork.ofCoin(coin);
    if (offered.isEmpty()) {
      throw BinanceError.badRequest(-4003, "Coin does not exist.");
    }
    if (network == null || network.isBlank()) {
      return offered.get(0);
    }
    return offered.stream()
        .filter(n -> n.shortId().equalsIgnoreCase(network))
        .findFirst()
        .orElseThrow(() -> BinanceError.badRequest(-4012, "Network does not exist or deposits are closed: " + network));
  }

  private Map<String, Object> record(SandboxDeposit deposit) {
    SandboxNetwork network = SandboxNetwork.find(deposit.coin(), deposit.network()).orElseThrow();
    int confirmations = ledger.confirmations(deposit);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", String.valueOf(Math.abs((long) deposit.txId().hashCode())));
    record.put("amount", deposit.amount().toPlainString());
    record.put("coin", deposit.coin());
    record.put("network", network.shortId());
    record.put("status", confirmations >= network.unlockConfirm() ? SUCCESS : confirmations >= network.minConfirm() ? CREDITED_CANNOT_WITHDRAW : PENDING);
    record.put("address", deposit.address());
    record.put("addressTag", deposit.memo() == null ? "" : deposit.memo());
    record.put("txId", deposit.txId());
    record.put("insertTime", deposit.insertTime().toEpochMilli());
    record.put("transferType", 0);
    record.put("confirmTimes", confirmations + "/" + network.unlockConfirm());
    record.put("unlockConfirm", network.unlockConfirm());
    record.put("walletType", 0);
    return record;
  }

  private static Map<String, Object> network(SandboxNetwork network) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("network", network.shortId());
    config.put("coin", network.coin());
    config.put("name", network.label());
    config.put("isDefault", SandboxNetwork.ofCoin(network.coin()).get(0) == network);
    config.put("depositEnable", true);
    config.put("minConfirm", network.minConfirm());
    config.put("unLockConfirm", network.unlockConfirm());
    config.put("contractAddress", network.contract() == null ? "" : network.contract());
    return config;
  }
}
