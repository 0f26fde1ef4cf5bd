package com.deltaenergy.invoicing.sandbox.control;

import com.deltaenergy.invoicing.sandbox.ledger.SandboxAddress;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxDeposit;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxLedger;
import com.deltaenergy.invoicing.sandbox.ledger.SandboxNetwork;
import com.deltaenergy.invoicing.sandbox.mexc.SandboxTraffic;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drives the sandbox: simulate deposits and confirmations, set prices, inject faults, read call
 * statistics. JSON in snake_case.
 */
@RestController
@RequestMapping("/sandbox")
public class SandboxControlController {

  private final SandboxLedger ledger;
  private final SandboxTraffic traffic;

  public SandboxControlController(SandboxLedger ledger, SandboxTraffic traffic) {
    this.ledger = ledger;
    this.traffic = traffic;
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DepositRequest(
      String address, BigDecimal amount, String coin, String network, String txId, String memo) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ConfirmationsRequest(Integer confirmations) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PriceRequest(BigDecimal price) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FaultsRequest(Double errorRate, Integer status, Long retryAfterSeconds, Long latencyMs, String venue) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DepositView(
      String txId,
      String address,
      BigDecimal amount,
      String coin,
      String network,
      String exchangeNetwork,
      String memo,
      int confirmations,
      Instant insertTime) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PriceView(String symbol, BigDecimal price) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FaultsView(double errorRate, int status, long retryAfterSeconds, long latencyMs, String venue) {}

  @PostMapping("/deposits")
  ResponseEntity<DepositView> deposit(@RequestBody DepositRequest request) {
    require(request.address() != null && !request.address().isBlank(), "address is required");
    require(request.coin() != null && !request.coin().isBlank(), "coin is required");
    require(request.amount() != null && request.amount().signum() > 0, "amount must be greater than 0");
    SandboxNetwork network =
        SandboxNetwork.find(request.coin(), request.network())
            .orElseThrow(
                () -> new IllegalArgumentException(
                    "network '" + request.network() + "' is not offered for " + request.coin()
                        + "; one of " + SandboxNetwork.ofCoin(request.coin()).stream().map(n -> n.network().name()).toList()));
    CryptoCurrency coin = CryptoCurrency.fromCode(request.coin());
    require(
        request.amount().stripTrailingZeros().scale() <= coin.decimals(),
        "amount has more decimals than " + coin + " allows (" + coin.decimals() + ")");
    require(
        ledger.findAddress(request.address()).isPresent(),
        "address " + request.address() + " was not issued by this sandbox");
    SandboxDeposit deposit =
        ledger.deposit(request.address().trim(), request.amount(), network, request.txId(), request.memo());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(deposit));
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record AddressRequest(String coin, String network) {}

  /**
   * Issues a deposit address no invoice asked for: money sent there reaches the account but no
   * invoice, as when a client reuses an address from another context (reconciliation tests).
   */
  @PostMapping("/addresses")
  ResponseEntity<SandboxAddress> address(@RequestBody AddressRequest request) {
    require(request.coin() != null && !request.coin().isBlank(), "coin is required");
    SandboxNetwork network =
        SandboxNetwork.find(request.coin(), request.network())
            .orElseThrow(() -> new IllegalArgumentException(
                "network '" + request.network() + "' is not offered for " + request.coin()));
    return ResponseEntity.status(HttpStatus.CREATED).body(ledger.newAddress(network));
  }

  @GetMapping("/deposits")
  List<DepositView> deposits(@RequestParam(required = false) String address) {
    return ledger.deposits(d -> address == null || d.address().equalsIgnoreCase(address)).stream()
        .map(this::view)
        .toList();
  }

  @PostMapping("/deposits/{txId}/confirmations")
  DepositView confirmations(@PathVariable String txId, @RequestBody ConfirmationsRequest request) {
    require(request.confirmations() != null && request.confirmations() >= 0, "confirmations must be 0 or more");
    require(ledger.findDeposit(txId).isPresent(), "no deposit with tx_id " + txId);
    return view(ledger.pinConfirmations(txId, request.confirmations()));
  }

  @PutMapping("/prices/{symbol}")
  PriceView price(@PathVariable String symbol, @RequestBody PriceRequest request) {
    require(request.price() != null && request.price().signum() > 0, "price must be greater than 0");
    ledger.setPrice(symbol, request.price());
    return new PriceView(symbol.toUpperCase(), request.price());
  }

  @GetMapping("/prices")
  Map<String, BigDecimal> prices() {
    return ledger.prices();
  }

  @PostMapping("/faults")
  FaultsView faults(@RequestBody FaultsRequest request) {
    double rate = request.errorRate() == null ? 0 : request.errorRate();
    require(rate >= 0 && rate <= 1, "error_rate must be between 0 and 1");
    int status = request.status() == null ? 503 : request.status();
    require(status >= 400 && status <= 599, "status must be an HTTP error status");
    long latency = request.latencyMs() == null ? 0 : request.latencyMs();
    require(latency >= 0 && latency <= 60_000, "latency_ms must be between 0 and 60000");
    long retryAfter = request.retryAfterSeconds() == null ? 0 : request.retryAfterSeconds();
    require(retryAfter >= 0, "retry_after_seconds must not be negative");
    require(request.venue() == null || request.venue().equals("mexc") || request.venue().equals("binance"),
        "venue must be mexc or binance (or absent: both)");
    traffic.setFaults(new SandboxTraffic.Faults(rate, status, retryAfter, latency, request.venue()));
    return currentFaults();
  }

  @GetMapping("/faults")
  FaultsView currentFaults() {
    SandboxTraffic.Faults faults = traffic.faults();
    return new FaultsView(faults.errorRate(), faults.status(), faults.retryAfterSeconds(), faults.latencyMs(), faults.venue());
  }

  @DeleteMapping("/faults")
  ResponseEntity<Void> clearFaults() {
    traffic.setFaults(SandboxTraffic.Faults.NONE);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/stats")
  Map<String, SandboxTraffic.EndpointStats> stats() {
    return traffic.stats();
  }

  @DeleteMapping("/stats")
  ResponseEntity<Void> resetStats() {
    traffic.reset();
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid sandbox request");
    return ResponseEntity.badRequest().body(problem);
  }

  private DepositView view(SandboxDeposit deposit) {
    SandboxNetwork network = SandboxNetwork.find(deposit.coin(), deposit.network()).orElseThrow();
    return new DepositView(
        deposit.txId(), deposit.address(), deposit.amount(), deposit.coin(), network.network().name(),
        deposit.network(), deposit.memo(), ledger.confirmations(deposit), deposit.insertTime());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
