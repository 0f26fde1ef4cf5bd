package com.deltaenergy.invoicing.persistence.client;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ClientRepository {

  private static final String COLUMNS = "id, tenant_id, name, contact_email, address, tax_id";

  private final JdbcClient jdbc;

  public ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Client> findAll(long tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE tenant_id = ? ORDER BY id")
        .param(tenantId)
        .query(Client.class)
        .list();
  }

  /** The client's own dunning schedule (five day offsets), if it has one. */
  public Optional<List<Integer>> dunningOffsets(long tenantId, long id) {
    return jdbc.sql("SELECT dunning_offsets_days FROM clients WHERE tenant_id = ? AND id = ? AND dunning_offsets_days IS NOT NULL")
        .params(tenantId, id)
        .query(String.class)
        .optional()
        .map(csv -> java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList());
  }

  public Optional<Client> findById(long tenantId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(Client.class)
        .optional();
  }
}
