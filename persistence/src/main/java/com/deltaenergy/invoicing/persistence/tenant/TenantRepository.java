package com.deltaenergy.invoicing.persistence.tenant;

import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {

  private final JdbcClient jdbc;

  public TenantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Tenant> findById(long id) {
    return jdbc.sql("SELECT id, slug, name, invoice_prefix, time_zone FROM tenants WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Tenant(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name"),
                    rs.getString("invoice_prefix"),
                    ZoneId.of(rs.getString("time_zone"))))
        .optional();
  }
}
