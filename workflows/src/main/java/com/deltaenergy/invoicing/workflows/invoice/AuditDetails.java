package com.deltaenergy.invoicing.workflows.invoice;

import java.util.LinkedHashMap;
import java.util.Map;

/** The details of an audit entry: key/value pairs in the order given, written as a JSON object. */
final class AuditDetails {

  private AuditDetails() {}

  /** Alternating keys and values: {@code of("from", a, "to", b)}. */
  static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return details;
  }
}
