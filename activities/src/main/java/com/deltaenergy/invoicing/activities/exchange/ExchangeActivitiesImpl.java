package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.activities.exchange.failover.ExchangeFailover;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.exchange.CryptoConversion;
import com.deltaenergy.invoicing.workflows.exchange.DepositAddress;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeActivities;
import com.deltaenergy.invoicing.workflows.exchange.ExchangeCheck;
import com.deltaenergy.invoicing.workflows.exchange.PriceQuote;
import com.deltaenergy.invoicing.workflows.exchange.Quote;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class ExchangeActivitiesImpl implements ExchangeActivities {

  /** MEXC serves deposit history of the last 90 days. */
  private static final Duration MAX_HISTORY_REACH = Duration.ofDays(89);
  /** A closed invoice's amount stays reserved on a shared address as long as its address is watched. */
  static final Duration SHARED_AMOUNT_RESERVED_AFTER_CLOSE = Duration.ofDays(30);

  private final InvoiceRepository invoices;
  private final ExchangeAccounts accounts;
  private final ExchangePrices prices;
  private final Clock clock;
  /** Null: every invoice on its tenant's MEXC account, as before providers had a list. */
  private final ExchangeFailover failover;
  private final ExchangeProviderRepository providers;

  public ExchangeActivitiesImpl(
      InvoiceRepository invoices,
      ExchangeAccounts accounts,
      ExchangePrices prices,
      Clock clock) {
    this(invoices, accounts, prices, clock, null, null);
  }

  @Autowired
  public ExchangeActivitiesImpl(
      InvoiceRepository invoices,
      ExchangeAccounts accounts,
      ExchangePrices prices,
      Clock clock,
      ExchangeFailover failover,
      ExchangeProviderRepository providers) {
    this.invoices = invoices;
    this.accounts = accounts;
    this.prices = prices;
    this.clock = clock;
    this.failover = failover;
    this.providers = providers;
  }

  @Override
  public DepositAddress allocateDepositAddress(long invoiceId) {
    InvoiceRecord invoice = invoice(invoiceId);
    if (invoice.depositAddress() != null) {
      return stored(invoice);
    }
    ExchangeProvider exchange;
    DepositAddress fresh;
    if (failover == null) {
      exchange = accounts.forTenant(invoice.tenantId()).exchange();
      fresh = exchange(() -> exchange.newDepositAddress(invoice.network()));
    } else {
      // The first healthy provider of the tenant's list; the next one if it fails.
      ExchangeFailover.Issued<DepositAddress> issued =
          exchange(() -> failover.first(
              invoice.tenantId(), accounts.issuing(invoice.tenantId()),
              account -> account.exchange().newDepositAddress(invoice.network())));
      exchange = issued.account().exchange();
      fresh = issued.value();
      // Recorded before the address: the invoice is watched where its address came from.
      providers.issuedBy(invoiceId, exchange.name());
    }
    // Never put an address on a document that the network's wallets would reject.
    Optional<String> problem = BlockchainAddresses.problem(invoice.network(), fresh.address());
    if (problem.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(
          exchange.name() + " returned '" + fresh.address() + "', which is not a valid "
              + invoice.network() + " address: " + problem.get(),
          "InvalidDepositAddress");
    }
    if (exchange.sharesDepositAddresses()) {
      // Every invoice on the network gets this address: they are told apart by amount.
      return stored(
          invoices.assignSharedDepositAddress(invoiceId, fresh.address(), fresh.memo(), fresh.exchangeNetwork()));
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
    BigDecimal amount = distinct(invoice, CryptoConversion.toCrypto(invoice.amountUsd(), price.usd(), invoice.currency()));
    try {
      return quote(invoices.lockQuote(invoiceId, amount, price.usd(), price.pricedAt(), price.source()));
    } catch (DuplicateKeyException e) {
      throw amountTaken(invoice, amount);
    }
  }

  @Override
  public Quote requote(long invoiceId, Instant previousLockedAt) {
    InvoiceRecord invoice = invoice(invoiceId);
    if (invoice.rateLockedAt() != null && !invoice.rateLockedAt().equals(previousLockedAt)) {
      return quote(invoice); // this re-quote already happened (a retried call)
    }
    // An operator asked for a new price: the cached one may be the very price being replaced.
    ExchangePrices.UsdPrice price = exchange(() -> prices.fresh(invoice.currency()));
    if (invoice.exchangeRate() != null && invoice.exchangeRate().compareTo(price.usd()) == 0) {
      // The same rate gives the same amount (on a shared address, the one it already holds).
      return quote(invoice);
    }
    BigDecimal amount = distinct(invoice, CryptoConversion.toCrypto(invoice.amountUsd(), price.usd(), invoice.currency()));
    try {
      return quote(invoices.replaceQuote(invoiceId, previousLockedAt, amount, price.usd(), price.pricedAt(), price.source()));
    } catch (DuplicateKeyException e) {
      throw amountTaken(invoice, amount);
    }
  }

  /**
   * On a shared address the amount tells invoices apart: raised by the smallest unit until no
   * other open (or recently closed) invoice on the address asks for it. The unique index on open
   * invoices' amounts settles a race between two workers (the loser retries).
   */
  private BigDecimal distinct(InvoiceRecord invoice, BigDecimal amount) {
    if (!invoices.hasSharedAddress(invoice.id())) {
      return amount;
    }
    return SharedAddressAttribution.uniqueAmount(
        amount, invoices.amountsInUseOnSharedAddress(invoice.id(), SHARED_AMOUNT_RESERVED_AFTER_CLOSE),
        invoice.currency().decimals());
  }

  private static ApplicationFailure amountTaken(InvoiceRecord invoice, BigDecimal amount) {
    return ApplicationFailure.newFailure(
        "another open invoice on shared address " + invoice.depositAddress() + " took " + amount.toPlainString()
            + " meanwhile; trying the next amount", "SharedAmountInUse");
  }

  @Override
  public List<ObservedDeposit> findDeposits(CryptoCurrency coin, String txId, Instant since) {
    // Workflows that started before accounts were per tenant: the environment's account.
    return findDeposits(accounts.environment(), coin, txId, since);
  }

  @Override
  public List<ObservedDeposit> findInvoiceDeposits(long invoiceId, String txId, Instant since) {
    InvoiceRecord invoice = invoice(invoiceId);
    ExchangeAccounts.Account account =
        providers == null
            ? accounts.forTenant(invoice.tenantId())
            : accounts.issuer(invoice.tenantId(), providers.issuers(List.of(invoiceId)).get(invoiceId));
    return findDeposits(account, invoice.currency(), txId, since);
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
