package com.deltaenergy.invoicing.workflows.notification;

/**
 * Something about an invoice that people are told about.
 *
 * @param detail distinguishes repeated events of one type, e.g. the dunning stage number or the
 *     transaction of a flagged deposit; part of the idempotency key
 */
public record InvoiceEvent(long invoiceId, Type type, String detail) {

  public enum Type {
    CREATED("invoice.created"),
    REQUOTED("invoice.requoted"),
    PAYMENT_DETECTED("invoice.payment_detected"),
    PARTIALLY_PAID("invoice.partially_paid"),
    PAID("invoice.paid"),
    OVERPAID("invoice.overpaid"),
    OVERDUE("invoice.overdue"),
    DUNNING_STAGE("invoice.dunning_stage"),
    COLLECTIONS("invoice.collections"),
    CANCELLED("invoice.cancelled"),
    PAYMENT_FLAGGED("invoice.payment_flagged"),
    CFO_SYNC_FAILED("invoice.cfo_sync_failed");

    private final String eventName;

    Type(String eventName) {
      this.eventName = eventName;
    }

    /** The name webhook receivers see. */
    public String eventName() {
      return eventName;
    }
  }

  public static InvoiceEvent of(long invoiceId, Type type) {
    return new InvoiceEvent(invoiceId, type, "");
  }
}
