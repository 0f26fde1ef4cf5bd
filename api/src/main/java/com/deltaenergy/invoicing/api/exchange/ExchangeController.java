package com.deltaenergy.invoicing.api.exchange;

import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import org.springframework.http.HttpStatus;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeHealthRepository;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeDiagnosticsWorkflow.ExchangeDiagnosticsRequest;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class ExchangeController {

  private final ExchangeInquiries inquiries;
  private final ExchangeHealthRepository health;

  public ExchangeController(ExchangeInquiries inquiries, ExchangeHealthRepository health) {
    this.inquiries = inquiries;
    this.health = health;
  }

  /** A live check of the exchange account: reachable, credentials, permissions, skew, latency. */
  @ErrorResponses({HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT})
  @GetMapping("/test-mexc")
  ExchangeCheckResponse testMexc() {
    ExchangeCheck check =
        inquiries.ask(new ExchangeDiagnosticsRequest(ExchangeDiagnosticsRequest.Kind.CHECK, null, null)).check();
    return ExchangeCheckResponse.of(check);
  }

  /**
   * The latest of the worker's periodic checks (every 30 s): the most recent one at the top level,
   * as before, and every provider's (MEXC, Binance) in {@code providers}.
   */
  @ErrorResponses(HttpStatus.NOT_FOUND)
  @GetMapping("/exchange/health")
  ExchangeHealthResponse exchangeHealth() {
    ExchangeCheck latest =
        health.latest().orElseThrow(() -> new NotFoundException("exchange health check", "(none yet)"));
    return ExchangeHealthResponse.of(latest, health.all().stream().map(ExchangeCheckResponse::of).toList());
  }

  /** The most recent check's fields, and every provider's latest check. */
  public record ExchangeHealthResponse(
      String provider,
      String endpoint,
      boolean healthy,
      boolean reachable,
      boolean credentialsValid,
      List<String> permissions,
      long clockSkewMs,
      long latencyMs,
      Instant checkedAt,
      List<String> problems,
      List<ExchangeCheckResponse> providers) {

    static ExchangeHealthResponse of(ExchangeCheck check, List<ExchangeCheckResponse> providers) {
      return new ExchangeHealthResponse(
          check.provider(), check.baseUrl(), check.healthy(), check.reachable(), check.credentialsValid(),
          check.permissions(), check.clockSkewMillis(), check.latencyMillis(), check.checkedAt(), check.problems(),
          providers);
    }
  }

  @ErrorResponses({HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT})
  @GetMapping("/crypto-price/{currency}")
  PriceResponse price(@PathVariable String currency, @RequestParam(required = false) String network) {
    CryptoCurrency coin = CryptoCurrency.fromCode(currency);
    if (coin == null) {
      throw new InvalidRequestException(
          "currency", "unsupported currency '" + currency + "'; one of " + Arrays.toString(CryptoCurrency.values()));
    }
    PaymentNetwork resolved = PaymentNetwork.resolve(coin, network);
    if (resolved == null) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "network",
                  (network == null ? "is required for " : "'" + network + "' is not a network of ") + coin
                      + "; one of " + PaymentNetwork.of(coin).stream().map(Enum::name).collect(Collectors.joining(", ")))));
    }
    PriceQuote quote =
        inquiries
            .ask(new ExchangeDiagnosticsRequest(ExchangeDiagnosticsRequest.Kind.PRICE, coin, resolved))
            .price();
    return new PriceResponse(
        coin.name(), resolved.name(), quote.usdPrice().stripTrailingZeros().toPlainString(),
        quote.pricedAt(), quote.source(), coin.decimals());
  }

  /** A coin's USD price; the price is a decimal string so no precision is lost. */
  public record PriceResponse(
      String currency, String network, String priceUsd, Instant pricedAt, String source, int decimals) {}

  public record ExchangeCheckResponse(
      String provider,
      String endpoint,
      boolean healthy,
      boolean reachable,
      boolean credentialsValid,
      List<String> permissions,
      long clockSkewMs,
      long latencyMs,
      Instant checkedAt,
      List<String> problems) {

    static ExchangeCheckResponse of(ExchangeCheck check) {
      return new ExchangeCheckResponse(
          check.provider(), check.baseUrl(), check.healthy(), check.reachable(),
          check.credentialsValid(), check.permissions(), check.clockSkewMillis(),
          check.latencyMillis(), check.checkedAt(), check.problems());
    }
  }

}
