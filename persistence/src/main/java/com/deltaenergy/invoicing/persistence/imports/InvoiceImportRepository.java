package com.deltaenergy.invoicing.persistence.imports;

import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** CSV imports and their rows. */
@Repository
public class InvoiceImportRepository {

  /** The rows' invoices are written by the API and read by the worker: one mapper for both. */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  /** Reads results a fetch at a time; its own template so the shared one keeps its settings. */
  private final JdbcTemplate streaming;

  public InvoiceImportRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
    this.streaming = new JdbcTemplate(template.getDataSource());
    this.streaming.setFetchSize(500);
  }

  public long create(long tenantId, String mode, boolean validateOnly) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO invoice_imports (tenant_id, mode, validate_only, status) VALUES (?, ?, ?, 'validating')")
        .params(tenantId, mode, validateOnly)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** Stores a batch of validated rows (the file is read in batches, never whole). */
  public void addRows(long importId, List<ImportRow> rows) {
    template.batchUpdate(
        """
        INSERT INTO invoice_import_rows (import_id, row_number, external_reference, status, invoice, request, errors)
        VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb))
        """,
        rows,
        rows.size(),
        (ps, row) -> {
          ps.setLong(1, importId);
          ps.setInt(2, row.rowNumber());
          ps.setString(3, row.externalReference());
          ps.setString(4, row.valid() ? "pending" : "invalid");
          ps.setString(5, row.valid() ? write(row.invoice()) : null);
          ps.setString(6, row.valid() ? row.requestJson() : null);
          ps.setString(7, row.valid() ? null : write(row.errors()));
        });
  }

  /** Validation is over: the counts, and whether the workflow will create invoices. */
  public void validated(long importId, int total, int valid, int invalid, String workflowId) {
    jdbc.sql(
            """
            UPDATE invoice_imports SET total_rows = ?, valid_rows = ?, invalid_rows = ?, workflow_id = ?,
                   status = ?, finished_at = CASE WHEN ? THEN now() END
             WHERE id = ?
            """)
        .params(total, valid, invalid, workflowId, workflowId == null ? "validated" : "importing", workflowId == null, importId)
        .update();
  }

  public void completed(long importId) {
    jdbc.sql("UPDATE invoice_imports SET status = 'completed', finished_at = now() WHERE id = ? AND status = 'importing'")
        .param(importId)
        .update();
  }

  public Optional<ImportRecord> find(long tenantId, long id) {
    return jdbc.sql("SELECT * FROM invoice_imports WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** The tenant's latest imports, newest first (the console's list). */
  public List<ImportRecord> recent(long tenantId, int limit) {
    return jdbc.sql("SELECT * FROM invoice_imports WHERE tenant_id = ? ORDER BY id DESC LIMIT ?")
        .params(tenantId, limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  public Optional<ImportRecord> find(long id) {
    return jdbc.sql("SELECT * FROM invoice_imports WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
  }

  /** The rows after {@code afterRow}, up to {@code limit}, that still wait for their invoice. */
  public List<PendingRow> pending(long importId, int afterRow, int limit) {
    return jdbc.sql(
            """
            SELECT row_number, external_reference, status, invoice::text AS invoice, request::text AS request, invoice_id
              FROM invoice_import_rows
             WHERE import_id = ? AND row_number > ? AND status <> 'invalid'
             ORDER BY row_number LIMIT ?
            """)
        .params(importId, afterRow, limit)
        .query(
            (rs, n) ->
                new PendingRow(
                    rs.getInt("row_number"),
                    rs.getString("external_reference"),
                    rs.getString("status"),
                    rs.getString("invoice") == null ? null : read(rs.getString("invoice")),
                    rs.getString("request"),
                    (Long) rs.getObject("invoice_id")))
        .list();
  }

  /** A valid row: its invoice to create, or (status not pending) what was done already. */
  public record PendingRow(
      int rowNumber, String externalReference, String status, NewInvoice invoice, String requestJson, Long invoiceId) {}

  public void rowDone(long importId, int rowNumber, String status, Long invoiceId, String error) {
    jdbc.sql("UPDATE invoice_import_rows SET status = ?, invoice_id = ?, error = ? WHERE import_id = ? AND row_number = ?")
        .params(status, invoiceId, error, importId, rowNumber)
        .update();
  }

  /** The import's new invoices that are numbered but not issued yet. */
  public int outstanding(long importId) {
    return jdbc.sql(
            """
            SELECT count(*) FROM invoice_import_rows r JOIN invoices i ON i.id = r.invoice_id
             WHERE r.import_id = ? AND r.status = 'created' AND i.invoice_number IS NOT NULL AND i.issued_at IS NULL
            """)
        .param(importId)
        .query(Integer.class)
        .single();
  }

  public ImportTally tally(long importId) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE r.status = 'created') AS created,
                   count(*) FILTER (WHERE r.status = 'existing') AS existing,
                   count(*) FILTER (WHERE r.status = 'created' AND i.issued_at IS NOT NULL) AS issued,
                   count(*) FILTER (WHERE r.status = 'failed') AS failed,
                   count(*) FILTER (WHERE r.status = 'pending') AS pending
              FROM invoice_import_rows r LEFT JOIN invoices i ON i.id = r.invoice_id
             WHERE r.import_id = ?
            """)
        .param(importId)
        .query((rs, n) -> new ImportTally(rs.getInt("created"), rs.getInt("existing"), rs.getInt("issued"),
            rs.getInt("failed"), rs.getInt("pending")))
        .single();
  }

  /**
   * Streams the import's results in row order to {@code sink}, a fetch at a time, never holding
   * them all; call it in a transaction (PostgreSQL streams a cursor only there).
   */
  public void results(long importId, Consumer<ImportResultRow> sink) {
    streaming.query(
            """
            SELECT r.row_number, r.external_reference, r.status, r.invoice_id, r.error,
                   (SELECT string_agg(e->>'field' || ': ' || (e->>'reason'), '; ')
                      FROM jsonb_array_elements(r.errors) e) AS errors,
                   i.invoice_number, i.deposit_address, i.crypto_amount, i.issued_at, i.issue_error, l.token
              FROM invoice_import_rows r LEFT JOIN invoices i ON i.id = r.invoice_id
                   LEFT JOIN invoice_pay_links l ON l.invoice_id = r.invoice_id
             WHERE r.import_id = ? ORDER BY r.row_number
            """,
            (ResultSet rs) ->
                sink.accept(
                    new ImportResultRow(
                        rs.getInt("row_number"),
                        rs.getString("external_reference"),
                        resultStatus(rs),
                        (Long) rs.getObject("invoice_id"),
                        rs.getString("invoice_number"),
                        rs.getString("deposit_address"),
                        rs.getBigDecimal("crypto_amount"),
                        rs.getString("token"),
                        firstNonNull(rs.getString("errors"), rs.getString("error"), rs.getString("issue_error")))),
            importId);
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String resultStatus(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    if (status.equals("created") || status.equals("existing")) {
      if (rs.getString("invoice_number") == null) {
        return status.equals("existing") ? "existing" : "draft";
      }
      if (rs.getObject("issued_at") != null) {
        return status.equals("existing") ? "existing" : "issued";
      }
    }
    return status;
  }

  private static ImportRecord map(ResultSet rs) throws SQLException {
    return new ImportRecord(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getString("mode"),
        rs.getBoolean("validate_only"),
        rs.getString("status"),
        rs.getInt("total_rows"),
        rs.getInt("valid_rows"),
        rs.getInt("invalid_rows"),
        rs.getString("workflow_id"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"),
        null);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static NewInvoice read(String json) {
    try {
      return JSON.readValue(json, NewInvoice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored import row cannot be read", e);
    }
  }
}
