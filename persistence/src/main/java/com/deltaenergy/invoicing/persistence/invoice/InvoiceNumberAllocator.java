package com.deltaenergy.invoicing.persistence.invoice;

import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out invoice numbers {@code PREFIX-YYYY-MM-####}, consecutive per tenant and month. It runs
 * inside the caller's transaction: the upsert's row lock serialises concurrent creates until the
 * invoice row commits, and a rolled-back create gives its number back.
 */
@Component
public class InvoiceNumberAllocator {

  private final JdbcClient jdbc;

  public InvoiceNumberAllocator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(long tenantId, YearMonth month) {
    String period = month.toString();
    // Read before the upsert takes the sequence's row lock: every create of the tenant and month
    // waits for that lock until the invoice commits, so nothing that can run before it runs under it.
    String prefix =
        jdbc.sql("SELECT invoice_prefix FROM tenants WHERE id = ?")
            .param(tenantId)
            .query(String.class)
            .single();
    int sequence =
        jdbc.sql(
                """
                INSERT INTO invoice_number_sequences (tenant_id, period, last_value)
                VALUES (:tenant, :period, 1)
                ON CONFLICT (tenant_id, period)
                DO UPDATE SET last_value = invoice_number_sequences.last_value + 1
                RETURNING last_value
                """)
            .param("tenant", tenantId)
            .param("period", period)
            .query(Integer.class)
            .single();
    return format(prefix, month, sequence);
  }

  static String format(String prefix, YearMonth month, int sequence) {
    return String.format("%s-%04d-%02d-%04d", prefix, month.getYear(), month.getMonthValue(), sequence);
  }
}
