package com.deltaenergy.invoicing.persistence.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class InvoiceRepository {

  private static final String SELECT =
      """
      SELECT i.id, i.tenant_id, i.client_id, c.name AS client_name, i.invoice_number, i.status,
             i.amount_usd, i.subtotal_usd, i.tax_label, i.tax_rate_percent, i.tax_amount_usd,
             i.crypto_currency, i.crypto_network, i.billing_period, i.description, i.notes,
             i.issue_date, i.due_date, i.workflow_id, i.deposit_address, i.deposit_memo,
             i.exchange_network, i.crypto_amount, i.exchange_rate, i.rate_locked_at, i.rate_source,
             i.state_version, i.created_at, i.updated_at, i.issued_at, i.issue_error,
             i.amount_received, i.amount_pending, i.excess_amount, i.overpaid, i.overdue, i.paid_at,
             i.paid_late, i.paid_manually, i.cancelled_at, i.cancel_reason, i.completed_at,
             i.dunning_stage, i.dunning_paused, i.flagged_payments, i.pdf_path, i.pdf_sha256,
             i.receipt_path, i.receipt_sha256
        FROM invoices i
        JOIN clients c ON c.id = i.client_id
      """;

  private final JdbcClient jdbc;
  private final InvoiceNumberAllocator numbers;

  public InvoiceRepository(JdbcClient jdbc, InvoiceNumberAllocator numbers) {
    this.jdbc = jdbc;
    this.numbers = numbers;
  }

  /** Stores a new invoice with the next number of its issue month, in one transaction. */
  @Transactional
  public InvoiceRecord create(NewInvoice invoice) {
    String number = numbers.next(invoice.tenantId(), YearMonth.from(invoice.issueDate()));
    return insert(invoice, number, null, null);
  }

  /**
   * Stores an imported invoice (numbered, or a draft) under its external reference; the unique
   * constraint on (tenant, external_reference) refuses a second one, rolling back the number.
   */
  @Transactional
  public InvoiceRecord createImported(NewInvoice invoice, String externalReference, boolean draft, String requestJson) {
    String number = draft ? null : numbers.next(invoice.tenantId(), YearMonth.from(invoice.issueDate()));
    return insert(invoice, number, draft ? requestJson : null, externalReference);
  }

  /** The tenant's invoice with this external reference, if any. */
  public Optional<Long> idByExternalReference(long tenantId, String externalReference) {
    return jdbc.sql("SELECT id FROM invoices WHERE tenant_id = ? AND external_reference = ?")
        .params(tenantId, externalReference)
        .query(Long.class)
        .optional();
  }

  /**
   * Stores a draft: no number and no workflow until it is sent. {@code requestJson} is the create
   * request it was made from, kept so that edits apply to it and sending validates it again.
   */
  @Transactional
  public InvoiceRecord createDraft(NewInvoice invoice, String requestJson) {
    return insert(invoice, null, requestJson, null);
  }

  /** The create request a draft was made from (as edited since); empty when it is no draft. */
  public Optional<String> draftRequest(long tenantId, long id) {
    return jdbc.sql("SELECT draft_request::text FROM invoices WHERE id = ? AND tenant_id = ? AND invoice_number IS NULL")
        .params(id, tenantId)
        .query(String.class)
        .optional();
  }

  /**
   * Replaces a draft's content with a validated new version; empty when the tenant has no such
   * draft (it was sent or deleted meanwhile).
   */
  @Transactional
  public Optional<InvoiceRecord> updateDraft(long id, NewInvoice invoice, String requestJson) {
    int updated =
        jdbc.sql(
                """
                UPDATE invoices SET client_id = :client, amount_usd = :amount, subtotal_usd = :subtotal,
                       tax_label = :taxLabel, tax_rate_percent = :taxRate, tax_amount_usd = :taxAmount,
                       crypto_currency = :currency, crypto_network = :network, billing_period = :period,
                       description = :description, notes = :notes, issue_date = :issueDate,
                       due_date = :dueDate, draft_request = CAST(:request AS jsonb), updated_at = now()
                 WHERE id = :id AND tenant_id = :tenant AND invoice_number IS NULL
                """)
            .param("id", id)
            .param("tenant", invoice.tenantId())
            .param("client", invoice.clientId())
            .param("amount", invoice.amountUsd())
            .param("subtotal", invoice.subtotalUsd())
            .param("taxLabel", invoice.taxLabel())
            .param("taxRate", invoice.taxRatePercent())
            .param("taxAmount", invoice.taxAmountUsd())
            .param("currency", invoice.currency().name())
            .param("network", invoice.network().name())
            .param("period", invoice.billingPeriod())
            .param("description", invoice.description())
            .param("notes", invoice.notes())
            .param("issueDate", invoice.issueDate())
            .param("dueDate", invoice.dueDate())
            .param("request", requestJson)
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    jdbc.sql("DELETE FROM invoice_line_items WHERE invoice_id = ?").param(id).update();
    insertLineItems(id, invoice.lineItems());
    return findById(invoice.tenantId(), id);
  }

  /** Deletes a draft; false when the tenant has no such draft. */
  public boolean deleteDraft(long tenantId, long id) {
    return jdbc.sql("DELETE FROM invoices WHERE id = ? AND tenant_id = ? AND invoice_number IS NULL")
            .params(id, tenantId)
            .update()
        == 1;
  }

  /**
   * Turns a draft into an invoice about to be issued: it gets the next number of the month it is
   * sent in (so numbers follow issue order with no gaps) and its workflow id, with the content
   * just validated again. Empty when the draft was sent or deleted meanwhile; the row lock makes
   * two concurrent sends number it once.
   */
  @Transactional
  public Optional<InvoiceRecord> numberDraft(long id, NewInvoice invoice) {
    Optional<Long> locked =
        jdbc.sql("SELECT id FROM invoices WHERE id = ? AND tenant_id = ? AND invoice_number IS NULL FOR UPDATE")
            .params(id, invoice.tenantId())
            .query(Long.class)
            .optional();
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    updateDraft(id, invoice, null);
    String number = numbers.next(invoice.tenantId(), YearMonth.from(invoice.issueDate()));
    jdbc.sql("UPDATE invoices SET invoice_number = ?, workflow_id = ?, updated_at = now() WHERE id = ?")
        .params(number, InvoiceWorkflowOptions.workflowId(number), id)
        .update();
    return findById(invoice.tenantId(), id);
  }

  private InvoiceRecord insert(NewInvoice invoice, String number, String requestJson, String externalReference) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO invoices (tenant_id, client_id, invoice_number, status, amount_usd,
                subtotal_usd, tax_label, tax_rate_percent, tax_amount_usd, crypto_currency,
                crypto_network, billing_period, description, notes, issue_date, due_date,
                workflow_id, draft_request, external_reference)
            VALUES (:tenant, :client, :number, :status, :amount, :subtotal, :taxLabel, :taxRate,
                :taxAmount, :currency, :network, :period, :description, :notes, :issueDate,
                :dueDate, :workflowId, CAST(:request AS jsonb), :externalReference)
            """)
        .param("tenant", invoice.tenantId())
        .param("client", invoice.clientId())
        .param("number", number)
        .param("status", InvoiceStatus.DRAFT.wireName())
        .param("amount", invoice.amountUsd())
        .param("subtotal", invoice.subtotalUsd())
        .param("taxLabel", invoice.taxLabel())
        .param("taxRate", invoice.taxRatePercent())
        .param("taxAmount", invoice.taxAmountUsd())
        .param("currency", invoice.currency().name())
        .param("network", invoice.network().name())
        .param("period", invoice.billingPeriod())
        .param("description", invoice.description())
        .param("notes", invoice.notes())
        .param("issueDate", invoice.issueDate())
        .param("dueDate", invoice.dueDate())
        .param("workflowId", number == null ? null : InvoiceWorkflowOptions.workflowId(number))
        .param("request", requestJson)
        .param("externalReference", externalReference)
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    insertLineItems(id, invoice.lineItems());
    return findById(invoice.tenantId(), id).orElseThrow();
  }

  private void insertLineItems(long id, List<LineItem> lineItems) {
    int position = 1;
    for (LineItem item : lineItems) {
      jdbc.sql(
              """
              INSERT INTO invoice_line_items (invoice_id, position, description, quantity,
                  unit_price_usd, amount_usd)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              position++,
              item.description(),
              item.quantity(),
              item.unitPriceUsd(),
              item.amountUsd())
          .update();
    }
  }

  public Optional<InvoiceRecord> findById(long tenantId, long id) {
    List<InvoiceRecord> found =
        withLineItems(
            jdbc.sql(SELECT + " WHERE i.tenant_id = ? AND i.id = ?")
                .params(tenantId, id)
                .query(InvoiceRepository::mapRow)
                .list());
    return found.stream().findFirst();
  }

  /** Looks an invoice up by id alone; for workers, which act for whichever tenant owns it. */
  public Optional<InvoiceRecord> findById(long id) {
    return withLineItems(
            jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(InvoiceRepository::mapRow).list())
        .stream()
        .findFirst();
  }

  /** The invoice without its line items (one query), for views that do not show them. */
  public Optional<InvoiceRecord> findSummaryById(long id) {
    return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(InvoiceRepository::mapRow).optional();
  }

  public List<InvoiceRecord> find(long tenantId, InvoiceStatus status, int limit, int offset) {
    String where = status == null ? " WHERE i.tenant_id = :tenant" : " WHERE i.tenant_id = :tenant AND i.status = :status";
    JdbcClient.StatementSpec spec =
        jdbc.sql(SELECT + where + " ORDER BY i.id DESC LIMIT :limit OFFSET :offset")
            .param("tenant", tenantId)
            .param("limit", limit)
            .param("offset", offset);
    if (status != null) {
      spec = spec.param("status", status.wireName());
    }
    return withLineItems(spec.query(InvoiceRepository::mapRow).list());
  }

  /** Records where the invoice's PDF (or its PAID copy) is stored and its SHA-256. */
  public void recordDocument(long invoiceId, boolean receipt, String path, String sha256) {
    String sql =
        receipt
            ? "UPDATE invoices SET receipt_path = ?, receipt_sha256 = ? WHERE id = ?"
            : "UPDATE invoices SET pdf_path = ?, pdf_sha256 = ?, pdf_rendered_at = now() WHERE id = ?";
    jdbc.sql(sql).params(path, sha256, invoiceId).update();
  }

  /**
   * Invoices of every tenant that are not finished, in id order, a page after the given id. Drafts
   * are not among them: they have no workflow until they are sent.
   */
  public List<InvoiceRecord> unfinished(long afterId, int limit) {
    return jdbc.sql(SELECT + " WHERE i.status NOT IN ('complete', 'cancelled') AND i.invoice_number IS NOT NULL AND i.id > ? ORDER BY i.id LIMIT ?")
        .params(afterId, limit)
        .query(InvoiceRepository::mapRow)
        .list();
  }

  /**
   * Stores the invoice's deposit address unless it already has one; either way returns the
   * address now stored, so concurrent or retried allocations agree on one address.
   */
  @Transactional
  public InvoiceRecord assignDepositAddress(
      long invoiceId, String address, String memo, String exchangeNetwork) {
    jdbc.sql(
            """
            UPDATE invoices SET deposit_address = ?, deposit_memo = ?, exchange_network = ?,
                   updated_at = now()
             WHERE id = ? AND deposit_address IS NULL
            """)
        .params(address, memo, exchangeNetwork, invoiceId)
        .update();
    return findById(invoiceId).orElseThrow();
  }

  /**
   * Assigns an address the exchange gives every invoice on the network (Binance); invoices on it
   * are told apart by amount, so it is marked shared.
   */
  public InvoiceRecord assignSharedDepositAddress(
      long invoiceId, String address, String memo, String exchangeNetwork) {
    jdbc.sql(
            """
            UPDATE invoices SET deposit_address = ?, deposit_memo = ?, exchange_network = ?,
                   shared_address = true, updated_at = now()
             WHERE id = ? AND deposit_address IS NULL
            """)
        .params(address, memo, exchangeNetwork, invoiceId)
        .update();
    return findById(invoiceId).orElseThrow();
  }

  /** Whether the invoice's address is shared with other invoices (told apart by amount). */
  public boolean hasSharedAddress(long invoiceId) {
    return jdbc.sql("SELECT shared_address FROM invoices WHERE id = ?").param(invoiceId).query(Boolean.class).single();
  }

  /**
   * Amounts other invoices on the same shared address hold: open ones, and ones closed within
   * {@code closedWithin} (a late payment of theirs must not be read as a new invoice's payment).
   */
  public java.util.Set<BigDecimal> amountsInUseOnSharedAddress(long invoiceId, java.time.Duration closedWithin) {
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                SELECT o.crypto_amount FROM invoices o JOIN invoices i
                    ON o.crypto_network = i.crypto_network AND o.deposit_address = i.deposit_address
                 WHERE i.id = :id AND o.id <> i.id AND o.shared_address AND o.crypto_amount IS NOT NULL
                   AND (o.status NOT IN ('complete', 'cancelled')
                        OR COALESCE(o.completed_at, o.cancelled_at, o.updated_at) > now() - CAST(:within AS interval))
                """)
            .param("id", invoiceId)
            .param("within", closedWithin.toSeconds() + " seconds")
            .query(BigDecimal.class)
            .list()
            .stream()
            .map(BigDecimal::stripTrailingZeros)
            .toList());
  }

  /** Stores the quote unless one is locked already; returns the invoice with the locked quote. */
  @Transactional
  public InvoiceRecord lockQuote(
      long invoiceId, BigDecimal cryptoAmount, BigDecimal rate, Instant lockedAt, String source) {
    jdbc.sql(
            """
            UPDATE invoices SET crypto_amount = ?, exchange_rate = ?, rate_locked_at = ?,
                   rate_source = ?, updated_at = now()
             WHERE id = ? AND crypto_amount IS NULL
            """)
        .params(cryptoAmount, rate, java.sql.Timestamp.from(lockedAt), source, invoiceId)
        .update();
    return findById(invoiceId).orElseThrow();
  }

  /**
   * Replaces the quote locked at {@code previousLockedAt}; does nothing if that quote was already
   * replaced (a retried re-quote), and returns the invoice with whichever quote is now locked.
   */
  @Transactional
  public InvoiceRecord replaceQuote(
      long invoiceId, Instant previousLockedAt, BigDecimal cryptoAmount, BigDecimal rate,
      Instant lockedAt, String source) {
    jdbc.sql(
            """
            UPDATE invoices SET crypto_amount = ?, exchange_rate = ?, rate_locked_at = ?,
                   rate_source = ?, updated_at = now()
             WHERE id = ? AND rate_locked_at = ?
            """)
        .params(cryptoAmount, rate, java.sql.Timestamp.from(lockedAt), source, invoiceId,
            java.sql.Timestamp.from(previousLockedAt))
        .update();
    return findById(invoiceId).orElseThrow();
  }

  private List<InvoiceRecord> withLineItems(List<InvoiceRecord> invoices) {
    if (invoices.isEmpty()) {
      return invoices;
    }
    Map<Long, List<LineItem>> items = new LinkedHashMap<>();
    invoices.forEach(invoice -> items.put(invoice.id(), new ArrayList<>()));
    jdbc.sql(
            """
            SELECT invoice_id, description, quantity, unit_price_usd, amount_usd
              FROM invoice_line_items WHERE invoice_id IN (:ids) ORDER BY invoice_id, position
            """)
        .param("ids", (Collection<Long>) items.keySet())
        .query(
            (rs, n) -> {
              items.get(rs.getLong("invoice_id"))
                  .add(
                      new LineItem(
                          rs.getString("description"),
                          rs.getBigDecimal("quantity"),
                          rs.getBigDecimal("unit_price_usd"),
                          rs.getBigDecimal("amount_usd")));
              return null;
            })
        .list();
    return invoices.stream()
        .map(invoice -> invoice.withLineItems(items.get(invoice.id())))
        .toList();
  }

  private static InvoiceRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
    return new InvoiceRecord(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getLong("client_id"),
        rs.getString("client_name"),
        rs.getString("invoice_number"),
        InvoiceStatus.fromWireName(rs.getString("status")),
        rs.getBigDecimal("amount_usd"),
        rs.getBigDecimal("subtotal_usd"),
        rs.getString("tax_label"),
        rs.getBigDecimal("tax_rate_percent"),
        rs.getBigDecimal("tax_amount_usd"),
        CryptoCurrency.valueOf(rs.getString("crypto_currency")),
        PaymentNetwork.valueOf(rs.getString("crypto_network")),
        rs.getString("billing_period"),
        rs.getString("description"),
        rs.getString("notes"),
        rs.getObject("issue_date", java.time.LocalDate.class),
        rs.getObject("due_date", java.time.LocalDate.class),
        rs.getString("workflow_id"),
        rs.getString("deposit_address"),
        rs.getString("deposit_memo"),
        rs.getString("exchange_network"),
        rs.getBigDecimal("crypto_amount"),
        rs.getBigDecimal("exchange_rate"),
        instant(rs, "rate_locked_at"),
        rs.getString("rate_source"),
        rs.getLong("state_version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        new InvoiceProgress(
            instant(rs, "issued_at"),
            rs.getString("issue_error"),
            rs.getBigDecimal("amount_received"),
            rs.getBigDecimal("amount_pending"),
            rs.getBigDecimal("excess_amount"),
            rs.getBoolean("overpaid"),
            rs.getBoolean("overdue"),
            instant(rs, "paid_at"),
            rs.getBoolean("paid_late"),
            rs.getBoolean("paid_manually"),
            instant(rs, "cancelled_at"),
            rs.getString("cancel_reason"),
            instant(rs, "completed_at"),
            rs.getInt("dunning_stage"),
            rs.getBoolean("dunning_paused"),
            rs.getInt("flagged_payments"),
            rs.getString("pdf_path"),
            rs.getString("pdf_sha256"),
            rs.getString("receipt_path"),
            rs.getString("receipt_sha256")),
        List.of());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
