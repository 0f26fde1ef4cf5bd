package com.deltaenergy.invoicing.persistence.client;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ClientRepository {

  private static final String COLUMNS =
      "id, tenant_id, name, contact_email, address, tax_id, cfo_entity, cfo_business_unit, country, dunning_offsets_days, language";

  private static final RowMapper<Client> CLIENT =
      (rs, row) ->
          new Client(
              rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("contact_email"),
              rs.getString("address"), rs.getString("tax_id"), rs.getString("cfo_entity"),
              rs.getString("cfo_business_unit"), rs.getString("country"), offsets(rs.getString("dunning_offsets_days")),
              rs.getString("language"));

  private final JdbcClient jdbc;

  public ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Client> findAll(long tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE tenant_id = ? ORDER BY id")
        .param(tenantId)
        .query(CLIENT)
        .list();
  }

  /** The client's own dunning schedule (five day offsets), if it has one. */
  public Optional<List<Integer>> dunningOffsets(long tenantId, long id) {
    return jdbc.sql("SELECT dunning_offsets_days FROM clients WHERE tenant_id = ? AND id = ? AND dunning_offsets_days IS NOT NULL")
        .params(tenantId, id)
        .query(String.class)
        .optional()
        .map(ClientRepository::offsets);
  }

  /** Stored as "-1,7,14,21,30" (like the tenant's). */
  private static List<Integer> offsets(String csv) {
    return csv == null || csv.isBlank()
        ? null
        : java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  private static String csv(List<Integer> offsets) {
    return offsets == null || offsets.isEmpty()
        ? null
        : offsets.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * Stores a new client of the tenant.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the tenant has a client of that name
   */
  public Client create(long tenantId, ClientFields fields) {
    return jdbc.sql(
            "INSERT INTO clients (tenant_id, name, contact_email, address, tax_id, cfo_entity, cfo_business_unit,"
                + " country, dunning_offsets_days, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'en')) RETURNING " + COLUMNS)
        .params(tenantId, fields.name(), fields.contactEmail(), fields.address(), fields.taxId(),
            fields.cfoEntity(), fields.cfoBusinessUnit(), fields.country(), csv(fields.dunningOffsetsDays()),
            fields.language())
        .query(CLIENT)
        .single();
  }

  /**
   * Replaces the client's fields; empty when the tenant has no such client.
   *
   * @throws org.springframework.dao.DuplicateKeyException when another client has that name
   */
  public Optional<Client> update(long tenantId, long id, ClientFields fields) {
    return jdbc.sql(
            "UPDATE clients SET name = ?, contact_email = ?, address = ?, tax_id = ?, cfo_entity = ?,"
                + " cfo_business_unit = ?, country = ?, dunning_offsets_days = ?, language = COALESCE(?, 'en'), updated_at = now()"
                + " WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)
        .params(fields.name(), fields.contactEmail(), fields.address(), fields.taxId(), fields.cfoEntity(),
            fields.cfoBusinessUnit(), fields.country(), csv(fields.dunningOffsetsDays()), fields.language(), tenantId, id)
        .query(CLIENT)
        .optional();
  }

  /** Whether any invoice names the client. */
  public boolean hasInvoices(long tenantId, long id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM invoices WHERE tenant_id = ? AND client_id = ?)")
        .params(tenantId, id)
        .query(Boolean.class)
        .single();
  }

  /**
   * Deletes a client no invoice names; false when the tenant has no such client.
   *
   * @throws org.springframework.dao.DataIntegrityViolationException when an invoice names it
   */
  public boolean delete(long tenantId, long id) {
    return jdbc.sql("DELETE FROM clients WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
  }

  public Optional<Client> findById(long tenantId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(CLIENT)
        .optional();
  }
}
