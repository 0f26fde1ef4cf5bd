package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.exchange.DepositSnapshots;
import com.deltaenergy.invoicing.activities.exchange.ExchangeAccounts;
import com.deltaenergy.invoicing.activities.exchange.ExchangeProperties;
import com.deltaenergy.invoicing.activities.exchange.binance.BinanceClient;
import com.deltaenergy.invoicing.activities.exchange.binance.BinanceExchangeProvider;
import com.deltaenergy.invoicing.activities.invoice.PaymentSettings;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.payment.PaymentRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.UnmatchedDeposit;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflow;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The proof of the shared-address rule, end to end: invoices issued on the sandbox's Binance
 * account (one address per network), the real scanner, the real workflows. Two open invoices on
 * one address and three deposits, one for each and one that fits neither: two correct payments
 * and one deposit listed for an operator, never a guess.
 */
@Import(SharedAddressAttributionTest.BinanceAccount.class)
class SharedAddressAttributionTest extends WorkerIntegrationTest {

  @TestConfiguration
  static class BinanceAccount {
    /** Every tenant's invoices on the sandbox's Binance account, through the production client. */
    @Bean
    @Primary
    ExchangeAccounts binanceAccounts(
        @Qualifier("exchangeHttpClient") OkHttpClient http, ExchangeProperties properties, PaymentSettings payments,
        Clock clock) {
      BinanceExchangeProvider binance =
          new BinanceExchangeProvider(
              new BinanceClient(http, () -> SANDBOX + "/binance", KEY, SECRET, Duration.ofSeconds(5), Duration.ofMinutes(5), clock),
              properties, clock);
      return ExchangeAccounts.single(binance, new DepositSnapshots(binance, properties, payments.pollingInterval(), clock));
    }
  }

  @Autowired PaymentRepository payments;
  @Autowired ExchangeDepositRepository exchangeDeposits;

  @Test
  void twoInvoicesOnOneAddressAndADepositFittingNeitherGiveTwoCorrectPaymentsAndOneFlagged() {
    InvoiceRecord first = storeInvoice(PaymentNetwork.TRC20, "100.00", today().plusDays(20));
    InvoiceWorkflow firstWorkflow = startAndIssue(first);
    InvoiceRecord second = storeInvoice(PaymentNetwork.TRC20, "100.00", today().plusDays(20));
    InvoiceWorkflow secondWorkflow = startAndIssue(second);
    InvoiceRecord a = invoices.findById(first.id()).orElseThrow();
    InvoiceRecord b = invoices.findById(second.id()).orElseThrow();

    // Same price, same USD amount: the same address, told apart by one smallest unit.
    assertThat(b.depositAddress()).isEqualTo(a.depositAddress());
    assertThat(b.cryptoAmount().subtract(a.cryptoAmount())).isEqualByComparingTo("0.000001");

    String address = a.depositAddress();
    String forSecond = deposit(address, b.cryptoAmount().toPlainString(), "USDT", "TRC20", 30);
    String forFirst = deposit(address, a.cryptoAmount().toPlainString(), "USDT", "TRC20", 30);
    BigDecimal neither = b.cryptoAmount().add(new BigDecimal("0.000001"));
    String stranger = deposit(address, neither.toPlainString(), "USDT", "TRC20", 30);
    scan();

    InvoiceState paidFirst = await(firstWorkflow, s -> s.paidAt() != null);
    InvoiceState paidSecond = await(secondWorkflow, s -> s.paidAt() != null);
    assertThat(paidFirst.payments()).extracting(Payment::txId).containsExactly(forFirst);
    assertThat(paidSecond.payments()).extracting(Payment::txId).containsExactly(forSecond);
    assertThat(paidFirst.assessment().confirmed()).isEqualByComparingTo(a.cryptoAmount());
    assertThat(paidSecond.assessment().confirmed()).isEqualByComparingTo(b.cryptoAmount());
    assertThat(paidFirst.assessment().overpaid()).isFalse();
    assertThat(paidSecond.assessment().overpaid()).isFalse();

    scan(); // a second cycle changes nothing
    List<UnmatchedDeposit> unmatched =
        eventually(() -> exchangeDeposits.unmatched(1L, 100), list -> list.stream().anyMatch(d -> d.txHash().equals(stranger)));
    assertThat(unmatched).filteredOn(d -> d.txHash().equals(stranger)).singleElement().satisfies(d -> {
      assertThat(d.flaggedInvoiceId()).isNull();
      assertThat(d.amount()).isEqualByComparingTo(neither);
      assertThat(d.address()).isEqualTo(address);
      assertThat(d.provider()).isEqualTo("Binance");
    });
    assertThat(unmatched).extracting(UnmatchedDeposit::txHash).doesNotContain(forFirst, forSecond);
    assertThat(eventually(() -> payments.forInvoice(1L, first.id()), list -> !list.isEmpty()))
        .extracting(PaymentRepository.PaymentRecord::txHash).containsExactly(forFirst);
    assertThat(eventually(() -> payments.forInvoice(1L, second.id()), list -> !list.isEmpty()))
        .extracting(PaymentRepository.PaymentRecord::txHash).containsExactly(forSecond);
  }
}
