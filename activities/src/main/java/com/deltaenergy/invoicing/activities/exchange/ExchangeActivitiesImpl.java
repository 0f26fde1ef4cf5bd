package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.exchange.CryptoConversion;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.invoice.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.PaymentNetwork;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class ExchangeActivitiesImpl implements ExchangeActivities {

  /** MEXC serves deposit history of the last 90 days. */
  private static final Duration MAX_HISTORY_REACH = Duration.ofDays(89);

  private final InvoiceRepository invoices;
  private final ExchangeAccounts accounts;
  private final ExchangePrices prices;
  private final Clock clock;

  public ExchangeActivitiesImpl(
      InvoiceRepository invoices,
      ExchangeAccounts accounts,
      ExchangePrices prices,
      Clock clock) {
    this.invoices = invoices;
    this.accounts = accounts;
    this.prices = prices;
    this.clock = clock;
  }

  @Override
  public DepositAddress allocateDepositAddress(long invoiceId) {
    InvoiceRecord invoice = invoice(invoiceId);
    if (invoice.depositAddress() != null) {
      return stored(invoice);
    }
    ExchangeProvider exchange = accounts.forTenant(invoice.tenantId()).exchange();
    DepositAddress fresh = exchange(() -> exchange.newDepositAddress(invoice.network()));
    // Never put an address on a document that the network's wallets would reject.
    Optional<String> problem = BlockchainAddresses.problem(invoice.network(), fresh.address());
    if (problem.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(
          exchange.name() + " returned '" + fresh.address() + "', which is not a valid "
              + invoice.network() + " address: " + problem.get(),
          "InvalidDepositAddress");
    }
    try {
      return stored(
          invoices.assignDepositAddress(
              invoiceId, fresh.address(), fresh.memo(), fresh.exchangeNetwork()));
    } catch (DuplicateKeyException e) {
      // Retrying asks the exchange for another address; one address never serves two invoices.
      throw ApplicationFailure.newFailure(
          exchange.name() + " returned deposit address " + fresh.address()
              + " which another invoice already uses", "DepositAddressInUse");
    }
  }

  @Override
  public Quote lockQuote(long invoiceId) {
    InvoiceRecord invoice = invoice(invoiceId);
    if (invoice.cryptoAmount() != null) {
      return quote(invoice);
    }
    ExchangePrices.UsdPrice price = exchange(() -> prices.usd(invoice.currency()));
    BigDecimal amount = CryptoConversion.toCrypto(invoice.amountUsd(), price.usd(), invoice.currency());
    return quote(invoices.lockQuote(invoiceId, amount, price.usd(), price.pricedAt(), price.source()));
  }

  @Override
  public Quote requote(long invoiceId, Instant previousLockedAt) {
    InvoiceRecord invoice = invoice(invoiceId);
    if (invoice.rateLockedAt() != null && !invoice.rateLockedAt().equals(previousLockedAt)) {
      return quote(invoice); // this re-quote already happened (a retried call)
    }
    // An operator asked for a new price: the cached one may be the very price being replaced.
    ExchangePrices.UsdPrice price = exchange(() -> prices.fresh(invoice.currency()));
    BigDecimal amount = CryptoConversion.toCrypto(invoice.amountUsd(), price.usd(), invoice.currency());
    if (invoice.exchangeRate() != null && invoice.exchangeRate().compareTo(price.usd()) == 0
        && invoice.cryptoAmount() != null && invoice.cryptoAmount().compareTo(amount) == 0) {
      return quote(invoice); // the same rate: the quote stands, unchanged
    }
    return quote(invoices.replaceQuote(invoiceId, previousLockedAt, amount, price.usd(), price.pricedAt(), price.source()));
  }

  @Override
  public List<ObservedDeposit> findDeposits(CryptoCurrency coin, String txId, Instant since) {
    // Workflows that started before accounts were per tenant: the environment's account.
    return findDeposits(accounts.environment(), coin, txId, since);
  }

  @Override
  public List<ObservedDeposit> findInvoiceDeposits(long invoiceId, String txId, Instant since) {
    InvoiceRecord invoice = invoice(invoiceId);
    return findDeposits(accounts.forTenant(invoice.tenantId()), invoice.currency(), txId, since);
  }

  private List<ObservedDeposit> findDeposits(
      ExchangeAccounts.Account account, CryptoCurrency coin, String txId, Instant since) {
    ExchangeProvider exchange = account.exchange();
    // The latest snapshot first (cheap); then the exchange's history back to the invoice's issue.
    List<ObservedDeposit> recent = exchange(() -> account.snapshots().current(coin)).withTxId(txId);
    if (!recent.isEmpty()) {
      return recent;
    }
    Instant reach = clock.instant().minus(MAX_HISTORY_REACH);
    Instant from = since.isBefore(reach) ? reach : since;
    return exchange(() -> exchange.deposits(coin, from, clock.instant())).stream()
        .filter(d -> txId.equalsIgnoreCase(d.txId()))
        .toList();
  }

  @Override
  public PriceQuote currentPrice(CryptoCurrency currency, PaymentNetwork network) {
    ExchangePrices.UsdPrice price = exchange(() -> prices.usd(currency));
    return new PriceQuote(currency, network, price.usd(), price.pricedAt(), price.source());
  }

  @Override
  public ExchangeCheck checkExchange() {
    return accounts.environment().exchange().check();
  }

  private InvoiceRecord invoice(long invoiceId) {
    return invoices
        .findById(invoiceId)
        .orElseThrow(
            () -> ApplicationFailure.newNonRetryableFailure("no invoice " + invoiceId, "InvoiceNotFound"));
  }

  private static DepositAddress stored(InvoiceRecord invoice) {
    return new DepositAddress(invoice.depositAddress(), invoice.depositMemo(), invoice.exchangeNetwork());
  }

  private static Quote quote(InvoiceRecord invoice) {
    return new Quote(
        invoice.cryptoAmount().setScale(invoice.currency().decimals()),
        invoice.exchangeRate().stripTrailingZeros(),
        invoice.rateLockedAt(),
        invoice.rateSource());
  }

  private static <T> T exchange(Supplier<T> call) {
    try {
      return call.get();
    } catch (ExchangeException e) {
      throw ExchangeFailures.toActivityFailure(e);
    }
  }
}
