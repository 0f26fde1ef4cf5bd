package com.deltaenergy.invoicing.persistence.invoice;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where a tenant's rendered invoice PDFs are, a page at a time, for the bulk download. */
@Repository
public class InvoicePdfFiles {

  private final JdbcClient jdbc;

  public InvoicePdfFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which invoices: every condition given must hold; none given means all of the tenant's. */
  public record Filter(
      List<Long> ids, String status, Long clientId, LocalDate issuedFrom, LocalDate issuedTo, Long importId) {}

  public record PdfFile(long id, String invoiceNumber, String path) {}

  /** The next page of rendered PDFs after {@code afterId}, in id order. */
  public List<PdfFile> page(long tenantId, Filter filter, long afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT i.id, i.invoice_number, i.pdf_path FROM invoices i"
                + " WHERE i.tenant_id = :tenant AND i.id > :after AND i.pdf_path IS NOT NULL AND i.invoice_number IS NOT NULL");
    if (filter.ids() != null && !filter.ids().isEmpty()) {
      sql.append(" AND i.id IN (:ids)");
    }
    if (filter.status() != null) {
      sql.append(" AND i.status = :status");
    }
    if (filter.clientId() != null) {
      sql.append(" AND i.client_id = :client");
    }
    if (filter.issuedFrom() != null) {
      sql.append(" AND i.issue_date >= :from");
    }
    if (filter.issuedTo() != null) {
      sql.append(" AND i.issue_date <= :to");
    }
    if (filter.importId() != null) {
      sql.append(" AND i.id IN (SELECT r.invoice_id FROM invoice_import_rows r JOIN invoice_imports m ON m.id = r.import_id"
          + " WHERE r.import_id = :import AND m.tenant_id = :tenant AND r.invoice_id IS NOT NULL)");
    }
    sql.append(" ORDER BY i.id LIMIT :limit");
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql.toString()).param("tenant", tenantId).param("after", afterId).param("limit", limit);
    if (filter.ids() != null && !filter.ids().isEmpty()) {
      spec = spec.param("ids", filter.ids());
    }
    if (filter.status() != null) {
      spec = spec.param("status", filter.status());
    }
    if (filter.clientId() != null) {
      spec = spec.param("client", filter.clientId());
    }
    if (filter.issuedFrom() != null) {
      spec = spec.param("from", filter.issuedFrom());
    }
    if (filter.issuedTo() != null) {
      spec = spec.param("to", filter.issuedTo());
    }
    if (filter.importId() != null) {
      spec = spec.param("import", filter.importId());
    }
    return spec.query((rs, n) -> new PdfFile(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("pdf_path"))).list();
  }
}
