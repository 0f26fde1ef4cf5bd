package com.deltaenergy.invoicing.workflows.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an invoice is in its life. The wire form is the lower-case name, e.g. {@code paid}. */
public enum InvoiceStatus {
  /** Created; deposit address, rate and document are being prepared. */
  DRAFT,
  /** Issued to the client and watched for payment. */
  SENT,
  /** A deposit reached the address but has no confirmations yet. */
  PAYMENT_DETECTED,
  /** Deposits are confirming; the live count is in the payment records. */
  CONFIRMING,
  /** Some value is confirmed but less than the amount due (minus tolerance). */
  PARTIALLY_PAID,
  /** Unpaid past the due date plus the overdue grace; still watched. */
  OVERDUE,
  /** The last dunning stage handed the invoice to collections; still watched. */
  IN_COLLECTIONS,
  /** Confirmed value covers the amount due; booking to the ledger follows. */
  PAID,
  /** Booked in the CFO ledger. Final. */
  COMPLETE,
  /** Voided by an operator. Final. */
  CANCELLED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static InvoiceStatus fromWireName(String value) {
    if (value == null) {
      return null;
    }
    for (InvoiceStatus status : values()) {
      if (status.wireName().equalsIgnoreCase(value.trim())) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown invoice status: " + value);
  }

  /** The workflow has ended or will not change this invoice by itself any more. */
  public boolean isFinal() {
    return this == COMPLETE || this == CANCELLED;
  }

  /** Deposits to the invoice's address still count towards it. */
  public boolean acceptsPayment() {
    return switch (this) {
      case SENT, PAYMENT_DETECTED, CONFIRMING, PARTIALLY_PAID, OVERDUE, IN_COLLECTIONS -> true;
      default -> false;
    };
  }
}
