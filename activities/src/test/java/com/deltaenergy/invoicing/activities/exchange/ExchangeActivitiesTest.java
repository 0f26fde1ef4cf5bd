package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.SandboxBackedTest;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Deposit addresses and quotes, stored in PostgreSQL, from the sandbox exchange. */
class ExchangeActivitiesTest extends SandboxBackedTest {

  @Autowired ExchangeActivitiesImpl activities;
  @Autowired InvoiceRepository invoices;
  @Autowired ExchangeProperties exchangeProperties;

  @ParameterizedTest
  @EnumSource(PaymentNetwork.class)
  void allocatesOneAddressPerInvoiceAndReturnsItAgainOnRetry(PaymentNetwork network) {
    InvoiceRecord invoice = invoice(network, "1000.00");
    long generated = calls("POST /sandbox/api/v3/capital/deposit/address");

    DepositAddress first = activities.allocateDepositAddress(invoice.id());
    DepositAddress retried = activities.allocateDepositAddress(invoice.id());

    assertThat(retried).isEqualTo(first);
    assertThat(BlockchainAddresses.problem(network, first.address())).isEmpty();
    assertThat(calls("POST /sandbox/api/v3/capital/deposit/address") - generated).isEqualTo(1);
    InvoiceRecord stored = invoices.findById(invoice.id()).orElseThrow();
    assertThat(stored.depositAddress()).isEqualTo(first.address());
    assertThat(stored.exchangeNetwork()).isEqualTo(first.exchangeNetwork());
    assertThat(activities.allocateDepositAddress(invoice(network, "10.00").id()).address())
        .isNotEqualTo(first.address());
  }

  @Test
  void locksTheQuoteAtEachCoinsPrecisionAndKeepsIt() {
    control("PUT", "/prices/BTCUSDT", "{\"price\": 97000}");
    control("PUT", "/prices/TAOUSDT", "{\"price\": 431.123456789}");

    Quote btc = activities.lockQuote(invoice(PaymentNetwork.BTC, "5000.00").id());
    // 5000 / 97000 = 0.051546391…, rounded up to the satoshi
    assertThat(btc.cryptoAmount()).isEqualByComparingTo("0.05154640");
    assertThat(btc.cryptoAmount().scale()).isEqualTo(8);
    assertThat(btc.exchangeRate()).isEqualByComparingTo("97000");
    assertThat(btc.source()).isEqualTo("MEXC BTCUSDT");

    Quote tao = activities.lockQuote(invoice(PaymentNetwork.TAO, "1250.50").id());
    // 1250.50 / 431.123456789 = 2.900560…, 9 decimals, rounded up
    assertThat(tao.cryptoAmount()).isEqualByComparingTo(new BigDecimal("1250.50").divide(new BigDecimal("431.123456789"), 9, java.math.RoundingMode.CEILING));
    assertThat(tao.cryptoAmount().scale()).isEqualTo(9);

    InvoiceRecord usdtInvoice = invoice(PaymentNetwork.TRC20, "5000.00");
    Quote usdt = activities.lockQuote(usdtInvoice.id());
    assertThat(usdt.cryptoAmount()).isEqualByComparingTo("5000.000000");
    assertThat(usdt.cryptoAmount().scale()).isEqualTo(6);
    assertThat(usdt.exchangeRate()).isEqualByComparingTo("1");

    control("PUT", "/prices/BTCUSDT", "{\"price\": 50000}");
    InvoiceRecord btcInvoice = invoice(PaymentNetwork.BTC, "5000.00");
    Quote locked = activities.lockQuote(btcInvoice.id());
    control("PUT", "/prices/BTCUSDT", "{\"price\": 10}");
    assertThat(activities.lockQuote(btcInvoice.id())).isEqualTo(locked);
    assertThat(invoices.findById(btcInvoice.id()).orElseThrow().rateLockedAt()).isEqualTo(locked.lockedAt());
  }

  @Test
  void aRequoteReadsAFreshPriceInsideTheCacheWindowAndKeepsAnUnchangedQuote() {
    InvoiceRecord invoice = invoice(PaymentNetwork.TAO, "5000.00");
    // Locked moments ago at 400 (stored directly: the price cache is shared with the other tests)
    Instant lockedAt = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    invoices.lockQuote(invoice.id(), new BigDecimal("12.500000000"), new BigDecimal("400"), lockedAt, "MEXC TAOUSDT");
    // The price cache holds a price (the one the other tests here expect, as the cache is shared);
    // moments later, well inside its life, the exchange has moved.
    control("PUT", "/prices/TAOUSDT", "{\"price\": 431.123456789}");
    assertThat(activities.currentPrice(CryptoCurrency.TAO, PaymentNetwork.TAO).usdPrice())
        .isNotEqualByComparingTo("500.5");
    control("PUT", "/prices/TAOUSDT", "{\"price\": 500.5}");
    Quote requoted = activities.requote(invoice.id(), lockedAt);
    assertThat(requoted.exchangeRate()).isEqualByComparingTo("500.5");
    assertThat(requoted.cryptoAmount()).isEqualByComparingTo(
        new BigDecimal("5000.00").divide(new BigDecimal("500.5"), 9, java.math.RoundingMode.CEILING));

    Quote again = activities.requote(invoice.id(), requoted.lockedAt());
    assertThat(again).isEqualTo(requoted);
    assertThat(invoices.findById(invoice.id()).orElseThrow().rateLockedAt()).isEqualTo(requoted.lockedAt());
  }

  @Test
  void refusesAnAddressTheNetworkWouldReject() {
    ExchangeProvider broken =
        new ExchangeProvider() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public String endpoint() {
            return "memory";
          }

          @Override
          public DepositAddress newDepositAddress(PaymentNetwork network) {
            return new DepositAddress("TNotARealTronAddress", null, "Tron(TRC20)");
          }

          @Override
          public List<ObservedDeposit> deposits(CryptoCurrency coin, Instant from, Instant to) {
            return List.of();
          }

          @Override
          public BigDecimal usdtPrice(CryptoCurrency coin) {
            return BigDecimal.ONE;
          }

          @Override
          public ExchangeNetwork network(PaymentNetwork network) {
            return null;
          }

          @Override
          public ExchangeCheck check() {
            return null;
          }
        };
    ExchangeActivitiesImpl activitiesWithBrokenExchange =
        new ExchangeActivitiesImpl(
            invoices,
            ExchangeAccounts.single(
                broken, new DepositSnapshots(broken, exchangeProperties, java.time.Duration.ofSeconds(30), Clock.systemUTC())),
            new ExchangePrices(broken, exchangeProperties, Clock.systemUTC()),
            Clock.systemUTC());
    long invoiceId = invoice(PaymentNetwork.TRC20, "10.00").id();

    assertThatThrownBy(() -> activitiesWithBrokenExchange.allocateDepositAddress(invoiceId))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo("InvalidDepositAddress");
            });
    assertThat(invoices.findById(invoiceId).orElseThrow().depositAddress()).isNull();
  }

  @Test
  void exchangeFailuresBecomeActivityFailures() {
    control("POST", "/faults", "{\"error_rate\": 1, \"status\": 429, \"retry_after_seconds\": 3}");
    try {
      long invoiceId = invoice(PaymentNetwork.BTC, "10.00").id();
      assertThatThrownBy(() -> activities.allocateDepositAddress(invoiceId))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              failure -> {
                assertThat(failure.isNonRetryable()).isFalse();
                assertThat(failure.getType()).isEqualTo(ExchangeFailures.RATE_LIMITED);
                assertThat(failure.getNextRetryDelay()).hasSeconds(3);
              });
    } finally {
      control("DELETE", "/faults", null);
    }
  }

  private InvoiceRecord invoice(PaymentNetwork network, String usd) {
    BigDecimal amount = new BigDecimal(usd);
    return invoices.create(
        new NewInvoice(1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), network.currency(),
            network, "November 2025", "Hosting", null, LocalDate.now(), LocalDate.now().plusDays(15),
            List.of(new LineItem("Hosting", BigDecimal.ONE, amount, amount))));
  }
}
