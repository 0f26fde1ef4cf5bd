package com.deltaenergy.invoicing.persistence.invoice;

import com.deltaenergy.invoicing.persistence.support.SqlConditions;
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
    SqlConditions conditions =
        new SqlConditions()
            .andIn("i.id IN (:ids)", "ids", filter.ids())
            .and("i.status = :status", "status", filter.status())
            .and("i.client_id = :client", "client", filter.clientId())
            .and("i.issue_date >= :from", "from", filter.issuedFrom())
            .and("i.issue_date <= :to", "to", filter.issuedTo())
            .and("i.id IN (SELECT r.invoice_id FROM invoice_import_rows r JOIN invoice_imports m ON m.id = r.import_id"
                    + " WHERE r.import_id = :import AND m.tenant_id = :tenant AND r.invoice_id IS NOT NULL)",
                "import", filter.importId());
    return jdbc.sql(
            "SELECT i.id, i.invoice_number, i.pdf_path FROM invoices i"
                + " WHERE i.tenant_id = :tenant AND i.id > :after AND i.pdf_path IS NOT NULL AND i.invoice_number IS NOT NULL"
                + conditions.sql()
                + " ORDER BY i.id LIMIT :limit")
        .param("tenant", tenantId)
        .param("after", afterId)
        .param("limit", limit)
        .params(conditions.params())
        .query((rs, n) -> new PdfFile(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("pdf_path")))
        .list();
  }
}
