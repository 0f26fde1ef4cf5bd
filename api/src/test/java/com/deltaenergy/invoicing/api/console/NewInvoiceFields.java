package com.deltaenergy.invoicing.api.console;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The console's new-invoice form as a browser fills it in, with a fresh idempotency key. */
final class NewInvoiceFields {

  private NewInvoiceFields() {}

  /** A mutable map, so a test can add or change fields; a null amount leaves the field out (line items instead). */
  static Map<String, String> of(
      String clientId, String pair, String amountUsd, String billingPeriod, LocalDate dueDate, String description) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("idempotency_key", UUID.randomUUID().toString());
    fields.put("client_id", clientId);
    fields.put("pair", pair);
    if (amountUsd != null) {
      fields.put("amount_usd", amountUsd);
    }
    fields.put("billing_period", billingPeriod);
    fields.put("due_date", dueDate.toString());
    fields.put("description", description);
    return fields;
  }
}
