package com.deltaenergy.invoicing.activities.reconciliation;

import com.deltaenergy.invoicing.activities.cfo.CfoLedgerSchema;
import com.deltaenergy.invoicing.activities.cfo.CfoSyncConfiguration;
import com.deltaenergy.invoicing.activities.notification.OperationsAlerts;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport.Difference;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReport.Total;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository.DepositRow;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository.PaidInvoiceRow;
import com.deltaenergy.invoicing.persistence.reconciliation.ReconciliationReportRepository.PaymentRow;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.workflows.reconciliation.ReconciliationActivities;
import io.temporal.spring.boot.ActivityImpl;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compiles the daily three-way reports: the application database (exchange deposits, counted
 * payments, paid invoices) against the CFO ledger (its {@code transactions}, Identifier = invoice
 * number). Stores each, and mails operations once per tenant and day when a report lists
 * differences; a clean report is not mailed.
 */
@Component
@ActivityImpl(workers = "invoice-worker")
public class ReconciliationActivitiesImpl implements ReconciliationActivities {

  /** A ledger row of the day. */
  record LedgerRow(long id, String identifier, BigDecimal amount) {}

  private final ReconciliationReportRepository reports;
  private final TenantRepository tenants;
  private final JdbcClient ledger;
  private final OperationsAlerts alerts;
  private final CfoLedgerSchema ledgerSchema;
  private final Clock clock;

  public ReconciliationActivitiesImpl(
      ReconciliationReportRepository reports,
      TenantRepository tenants,
      @Qualifier(CfoSyncConfiguration.CFO_LEDGER) DataSource ledgerDataSource,
      OperationsAlerts alerts,
      CfoLedgerSchema ledgerSchema,
      Clock clock) {
    this.reports = reports;
    this.tenants = tenants;
    this.ledger = JdbcClient.create(ledgerDataSource);
    this.alerts = alerts;
    this.ledgerSchema = ledgerSchema;
    this.clock = clock;
  }

  @Override
  public int compileDailyReports(String date) {
    LocalDate day = LocalDate.parse(date);
    ledgerSchema.ensureCurrent(); // a ledger that came up after the worker: its table first
    int differences = 0;
    for (Tenant tenant : tenants.findAll()) {
      ReconciliationReport report = compile(tenant, day);
      reports.save(report);
      differences += report.differences().size();
      if (!report.clean()) {
        alerts.raise(
            "reconciliation-report:" + tenant.id() + ":" + day,
            "Reconciliation " + day + " (" + tenant.name() + "): " + report.differences().size() + " difference(s)",
            body(report));
      }
    }
    return differences;
  }

  ReconciliationReport compile(Tenant tenant, LocalDate day) {
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<DepositRow> deposits = reports.deposits(tenant.id(), from, to);
    List<PaymentRow> payments = reports.countedPayments(tenant.id(), from, to);
    List<PaidInvoiceRow> paid = reports.paidInvoices(tenant.id(), from, to);
    List<LedgerRow> ledgerRows = ledgerRows(tenant, from, to, paid.stream().map(PaidInvoiceRow::invoiceNumber).toList());
    List<Difference> differences = new ArrayList<>();

    for (DepositRow deposit : deposits) {
      boolean counts = "CREDITED".equals(deposit.depositStatus()) && !"dismissed".equals(deposit.resolution());
      if (counts && deposit.countedAmount() == null) {
        differences.add(new Difference("DEPOSIT_WITHOUT_PAYMENT",
            deposit.amount().stripTrailingZeros().toPlainString() + " " + deposit.coin() + " reached the exchange; no invoice counts it",
            deposit.txHash(), deposit.network(), null, null, null, deposit.amount(), null));
      } else if (deposit.countedAmount() != null && deposit.countedAmount().compareTo(deposit.amount()) != 0) {
        differences.add(new Difference("AMOUNT_DIFFERS", "the payment records another amount than the exchange's deposit",
            deposit.txHash(), deposit.network(), null, null, null, deposit.amount(), deposit.countedAmount()));
      }
    }
    for (PaymentRow payment : payments) {
      if (!payment.seenOnExchange()) {
        differences.add(new Difference("PAYMENT_WITHOUT_DEPOSIT",
            "invoice " + payment.invoiceNumber() + " counts a payment the exchange's history does not hold",
            payment.txHash(), payment.network(), payment.invoiceId(), payment.invoiceNumber(), null, null, payment.amount()));
      }
    }
    Map<String, List<LedgerRow>> byIdentifier = new HashMap<>();
    ledgerRows.forEach(row -> byIdentifier.computeIfAbsent(row.identifier(), k -> new ArrayList<>()).add(row));
    for (PaidInvoiceRow invoice : paid) {
      List<LedgerRow> rows = byIdentifier.getOrDefault(invoice.invoiceNumber(), List.of());
      if (rows.isEmpty()) {
        differences.add(new Difference("PAID_INVOICE_WITHOUT_LEDGER_ROW",
            "invoice " + invoice.invoiceNumber() + " is paid; the CFO ledger has no row for it",
            null, null, invoice.invoiceId(), invoice.invoiceNumber(), null, invoice.amountUsd(), null));
      }
      for (LedgerRow row : rows) {
        if (row.amount().compareTo(invoice.amountUsd()) != 0) {
          differences.add(new Difference("AMOUNT_DIFFERS", "the CFO ledger booked another amount than the invoice's",
              null, null, invoice.invoiceId(), invoice.invoiceNumber(), row.id(), invoice.amountUsd(), row.amount()));
        }
      }
    }
    Set<String> paidNumbers =
        new HashSet<>(reports.paidAmong(tenant.id(), ledgerRows.stream().map(LedgerRow::identifier).distinct().toList()));
    for (LedgerRow row : ledgerRows) {
      if (!paidNumbers.contains(row.identifier())) {
        differences.add(new Difference("LEDGER_ROW_WITHOUT_PAID_INVOICE",
            "the CFO ledger books " + row.identifier() + ", which is not a paid invoice",
            null, null, null, row.identifier(), row.id(), null, row.amount()));
      }
    }
    return new ReconciliationReport(
        tenant.id(), day, clock.instant(),
        totals(deposits.stream().filter(d -> "CREDITED".equals(d.depositStatus())).toList(), DepositRow::coin, DepositRow::amount),
        totals(payments, PaymentRow::coin, PaymentRow::amount),
        new Total("USD", paid.size(), paid.stream().map(PaidInvoiceRow::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add)),
        new Total("USD", ledgerRows.size(), ledgerRows.stream().map(LedgerRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
        differences);
  }

  /** The ledger's rows of the day under the tenant's invoice prefix, and the rows of its paid invoices. */
  private List<LedgerRow> ledgerRows(Tenant tenant, Instant from, Instant to, List<String> paidNumbers) {
    Map<Long, LedgerRow> rows = new TreeMap<>();
    ledger.sql("SELECT id, identifier, amount FROM transactions WHERE date >= ? AND date < ? AND identifier LIKE ?")
        .params(Timestamp.from(from), Timestamp.from(to), tenant.invoicePrefix() + "-%")
        .query((rs, n) -> rows.put(rs.getLong(1), new LedgerRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))))
        .list();
    if (!paidNumbers.isEmpty()) {
      ledger.sql("SELECT id, identifier, amount FROM transactions WHERE identifier IN (:numbers)")
          .param("numbers", paidNumbers)
          .query((rs, n) -> rows.put(rs.getLong(1), new LedgerRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))))
          .list();
    }
    return List.copyOf(rows.values());
  }

  private static <T> List<Total> totals(List<T> rows, Function<T, String> unit, Function<T, BigDecimal> amount) {
    Map<String, Total> totals = new TreeMap<>();
    for (T row : rows) {
      totals.merge(unit.apply(row), new Total(unit.apply(row), 1, amount.apply(row)),
          (a, b) -> new Total(a.unit(), a.count() + 1, a.amount().add(b.amount())));
    }
    return List.copyOf(totals.values());
  }

  private static String body(ReconciliationReport report) {
    StringBuilder text = new StringBuilder("Three-way reconciliation of " + report.date() + " (UTC): exchange deposits, invoice payments, CFO ledger.\n\n");
    for (Difference d : report.differences()) {
      text.append("- ").append(d.kind()).append(": ").append(d.detail());
      if (d.txHash() != null) {
        text.append(" (tx ").append(d.txHash()).append(')');
      }
      text.append('\n');
    }
    text.append("\nGET /api/reconciliation/report?date=").append(report.date()).append(" has the full report.");
    return text.toString();
  }
}
