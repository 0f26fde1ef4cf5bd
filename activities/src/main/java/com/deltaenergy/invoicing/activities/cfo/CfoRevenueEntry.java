package com.deltaenergy.invoicing.activities.cfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A paid invoice as a revenue row of the CFO ledger's {@code transactions} table: one component
 * per column, plus the revenue subcategory, which the ledger has no column for and which is kept
 * in our mapping.
 */
public record CfoRevenueEntry(
    Instant date,
    String description,
    BigDecimal amount,
    String classifiedEntity,
    String businessUnit,
    String sourceFile,
    String transactionType,
    BigDecimal confidence,
    String classificationReason,
    String origin,
    String destination,
    String identifier,
    String currency,
    String subcategory) {

  /** What is sent to the ledger, keyed by its column names, for the audit log. */
  public Map<String, Object> asPayload() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Date", date.toString());
    payload.put("Description", description);
    payload.put("Amount", amount);
    payload.put("classified_entity", classifiedEntity);
    payload.put("Business_Unit", businessUnit);
    payload.put("source_file", sourceFile);
    payload.put("transaction_type", transactionType);
    payload.put("confidence", confidence);
    payload.put("classification_reason", classificationReason);
    payload.put("Origin", origin);
    payload.put("Destination", destination);
    payload.put("Identifier", identifier);
    payload.put("Currency", currency);
    payload.put("subcategory", subcategory);
    return payload;
  }
}
