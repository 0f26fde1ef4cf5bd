package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything printed on an invoice PDF, and nothing else: the renderer reads no other source. All
 * amounts are final figures (already rounded); the renderer only formats them.
 *
 * @param taxLabel name of the tax, e.g. "VAT"; null prints "Tax"
 * @param taxRatePercent e.g. 10 for 10 %; null prints the tax line without a rate
 * @param exchangeRate USD per one coin, as locked at {@code rateLockedAt}
 * @param depositMemo memo or tag the exchange needs to credit the deposit; null when none
 * @param paid null for the invoice; set for the receipt copy, which is stamped PAID
 * @param payUrl the payer's pay page (/pay/{token}); null prints none
 * @param locale the language and number format of the labels; null is English
 * @param draft a draft's preview: marked DRAFT, no number ({@code invoiceNumber} null) and no
 *     deposit address yet; {@code cryptoAmount}, {@code exchangeRate} and {@code rateLockedAt} are
 *     an estimate (when the price was read), all three null when no price could be read
 */
public record InvoiceDocument(
    Issuer issuer,
    BillTo billTo,
    String invoiceNumber,
    LocalDate issueDate,
    LocalDate dueDate,
    String billingPeriod,
    List<Line> lines,
    BigDecimal subtotalUsd,
    String taxLabel,
    BigDecimal taxRatePercent,
    BigDecimal taxAmountUsd,
    BigDecimal totalUsd,
    CryptoCurrency currency,
    PaymentNetwork network,
    BigDecimal cryptoAmount,
    BigDecimal exchangeRate,
    Instant rateLockedAt,
    String depositAddress,
    String depositMemo,
    String terms,
    String notes,
    Paid paid,
    String payUrl,
    Locale locale,
    boolean draft) {

  /** An issued invoice (or its receipt copy). */
  public InvoiceDocument(
      Issuer issuer, BillTo billTo, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
      String billingPeriod, List<Line> lines, BigDecimal subtotalUsd, String taxLabel, BigDecimal taxRatePercent,
      BigDecimal taxAmountUsd, BigDecimal totalUsd, CryptoCurrency currency, PaymentNetwork network,
      BigDecimal cryptoAmount, BigDecimal exchangeRate, Instant rateLockedAt, String depositAddress,
      String depositMemo, String terms, String notes, Paid paid, String payUrl, Locale locale) {
    this(issuer, billTo, invoiceNumber, issueDate, dueDate, billingPeriod, lines, subtotalUsd, taxLabel,
        taxRatePercent, taxAmountUsd, totalUsd, currency, network, cryptoAmount, exchangeRate, rateLockedAt,
        depositAddress, depositMemo, terms, notes, paid, payUrl, locale, false);
  }

  /** English, without a pay link. */
  public InvoiceDocument(
      Issuer issuer, BillTo billTo, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
      String billingPeriod, List<Line> lines, BigDecimal subtotalUsd, String taxLabel, BigDecimal taxRatePercent,
      BigDecimal taxAmountUsd, BigDecimal totalUsd, CryptoCurrency currency, PaymentNetwork network,
      BigDecimal cryptoAmount, BigDecimal exchangeRate, Instant rateLockedAt, String depositAddress,
      String depositMemo, String terms, String notes, Paid paid) {
    this(issuer, billTo, invoiceNumber, issueDate, dueDate, billingPeriod, lines, subtotalUsd, taxLabel,
        taxRatePercent, taxAmountUsd, totalUsd, currency, network, cryptoAmount, exchangeRate, rateLockedAt,
        depositAddress, depositMemo, terms, notes, paid, null, null, false);
  }

  public InvoiceDocument {
    locale = locale == null ? Locale.ENGLISH : locale;
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(billTo, "billTo");
    if (draft) {
      // What a draft does not have yet must not be printed as if it had it.
      if (invoiceNumber != null || depositAddress != null || depositMemo != null || paid != null || payUrl != null) {
        throw new IllegalArgumentException("a draft has no number, deposit address, payment or pay link yet");
      }
      if ((cryptoAmount == null) != (exchangeRate == null) || (exchangeRate == null) != (rateLockedAt == null)) {
        throw new IllegalArgumentException("a draft's estimate has an amount, a rate and when it was read, or none");
      }
    } else {
      Objects.requireNonNull(invoiceNumber, "invoiceNumber");
      Objects.requireNonNull(cryptoAmount, "cryptoAmount");
      Objects.requireNonNull(exchangeRate, "exchangeRate");
      Objects.requireNonNull(rateLockedAt, "rateLockedAt");
      Objects.requireNonNull(depositAddress, "depositAddress");
    }
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    lines = List.copyOf(lines);
    Objects.requireNonNull(subtotalUsd, "subtotalUsd");
    Objects.requireNonNull(taxAmountUsd, "taxAmountUsd");
    Objects.requireNonNull(totalUsd, "totalUsd");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(network, "network");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an invoice needs at least one line");
    }
    // Wrong payment instructions lose the client's money, so a mismatch must never reach paper.
    if (network.currency() != currency) {
      throw new IllegalArgumentException(currency + " cannot be paid on " + network);
    }
    // The document states figures that add up; anything else is a bug upstream.
    BigDecimal lineSum =
        lines.stream().map(Line::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (lineSum.compareTo(subtotalUsd) != 0) {
      throw new IllegalArgumentException(
          "subtotal " + subtotalUsd + " is not the sum of lines " + lineSum);
    }
    if (subtotalUsd.add(taxAmountUsd).compareTo(totalUsd) != 0) {
      throw new IllegalArgumentException(
          "total " + totalUsd + " is not subtotal " + subtotalUsd + " + tax " + taxAmountUsd);
    }
  }

  /** A draft's crypto amount and rate are an estimate, when a price could be read at all. */
  public boolean hasEstimate() {
    return exchangeRate != null;
  }

  /** The tax line is printed only when there is tax to pay. */
  public boolean hasTax() {
    return taxAmountUsd.signum() != 0;
  }

  /**
   * Who issues the invoice. {@code logoPng} is optional and copied: the record stays immutable.
   * {@code brandColor} ("#1f6feb", optional) is the tenant's accent colour on the document.
   */
  public record Issuer(
      String name, List<String> addressLines, String taxId, String email, byte[] logoPng, String brandColor) {

    public Issuer {
      Objects.requireNonNull(name, "name");
      addressLines = List.copyOf(addressLines);
      Objects.requireNonNull(taxId, "taxId");
      Objects.requireNonNull(email, "email");
      logoPng = logoPng == null ? null : logoPng.clone();
      if (brandColor != null && !brandColor.matches("#[0-9A-Fa-f]{6}")) {
        throw new IllegalArgumentException("brand colour must be like #1f6feb: " + brandColor);
      }
    }

    /** An issuer without a brand colour of its own. */
    public Issuer(String name, List<String> addressLines, String taxId, String email, byte[] logoPng) {
      this(name, addressLines, taxId, email, logoPng, null);
    }

    @Override
    public byte[] logoPng() {
      return logoPng == null ? null : logoPng.clone();
    }
  }

  /** The client. Only the name is required. */
  public record BillTo(String name, List<String> addressLines, String taxId, String email) {

    public BillTo {
      Objects.requireNonNull(name, "name");
      addressLines = List.copyOf(addressLines);
    }
  }

  /** One line item; {@code amountUsd} is quantity × unit price, already rounded to cents. */
  public record Line(
      String description, BigDecimal quantity, BigDecimal unitPriceUsd, BigDecimal amountUsd) {

    public Line {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(unitPriceUsd, "unitPriceUsd");
      Objects.requireNonNull(amountUsd, "amountUsd");
    }
  }

  /**
   * The payment that settled the invoice: when it was paid and each counted transaction (hash,
   * amount, confirmations). An operator may mark an invoice paid without a transaction (e.g. a bank
   * transfer); then {@code transactions} is empty and {@code note} says why.
   */
  public record Paid(Instant paidAt, List<Transaction> transactions, String note) {

    public Paid {
      Objects.requireNonNull(paidAt, "paidAt");
      transactions = List.copyOf(transactions);
      if (transactions.isEmpty() && (note == null || note.isBlank())) {
        throw new IllegalArgumentException("a paid invoice names its transactions or why it has none");
      }
    }

    public Paid(Instant paidAt, List<Transaction> transactions) {
      this(paidAt, transactions, null);
    }

    public List<String> txIds() {
      return transactions.stream().map(Transaction::txId).toList();
    }
  }

  /** One counted payment of a paid invoice, in the invoice's coin. */
  public record Transaction(String txId, BigDecimal amount, int confirmations) {

    public Transaction {
      Objects.requireNonNull(txId, "txId");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
