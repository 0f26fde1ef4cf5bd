package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.activities.cfo.CfoMappingProperties.ClientMapping;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns a paid invoice into its revenue row, as the seed's CFO integration guide describes. */
@Component
public class CfoRevenueClassifier {

  static final String TRANSACTION_TYPE = "Revenue";
  static final String CATEGORY = "Revenue";
  /** An invoice is revenue by definition: nothing about its classification is guessed. */
  static final BigDecimal CONFIDENCE = new BigDecimal("1.0");
  static final String ORIGIN = "External Account";
  static final String DESTINATION = "Delta Paraguay Operations";

  private final CfoMappingProperties mapping;

  public CfoRevenueClassifier(CfoMappingProperties mapping) {
    this.mapping = mapping;
  }

  /** The invoice's revenue row, its client classified by name (the configured table). */
  public CfoRevenueEntry entryFor(InvoiceRecord invoice) {
    return entryFor(invoice, Optional.empty());
  }

  /**
   * The invoice's revenue row.
   *
   * @param clientMapping the client's own entity and business unit, when it has them: they take
   *     precedence over the configured name-based table
   * @throws CfoValidationException naming everything that keeps the invoice from being booked
   */
  public CfoRevenueEntry entryFor(InvoiceRecord invoice, Optional<Client.CfoMapping> clientMapping) {
    List<String> problems = new ArrayList<>();
    if (invoice.status() != InvoiceStatus.PAID && invoice.status() != InvoiceStatus.COMPLETE) {
      problems.add("it is " + invoice.status().wireName() + ", not paid");
    }
    if (invoice.progress().paidAt() == null) {
      problems.add("it has no paid_at");
    }
    if (invoice.amountUsd() == null || invoice.amountUsd().signum() <= 0) {
      problems.add("amount_usd must be positive, not " + invoice.amountUsd());
    }
    if (blank(invoice.clientName())) {
      problems.add("it has no client");
    }
    if (blank(invoice.billingPeriod())) {
      problems.add("it has no billing_period");
    }
    if (!problems.isEmpty()) {
      throw new CfoValidationException(
          "invoice " + invoice.invoiceNumber() + " cannot be booked: " + String.join("; ", problems));
    }
    ClientMapping client =
        clientMapping
            .map(own -> new ClientMapping(invoice.clientName(), own.entity(), own.businessUnit()))
            .orElseGet(() -> mapping.forClient(invoice.clientName()));
    return new CfoRevenueEntry(
        invoice.progress().paidAt(),
        "Invoice " + invoice.invoiceNumber() + " - " + invoice.clientName() + " - " + invoice.billingPeriod(),
        invoice.amountUsd(),
        client.entity(),
        client.businessUnit(),
        "crypto_invoice_" + invoice.invoiceNumber(),
        TRANSACTION_TYPE,
        CONFIDENCE,
        "Crypto invoice payment from " + invoice.clientName(),
        ORIGIN,
        DESTINATION,
        invoice.invoiceNumber(),
        invoice.currency().name(),
        mapping.subcategoryOf(invoice.billingPeriod(), invoice.description()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
