package com.deltaenergy.invoicing.persistence.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changeset 0012: clears every tenant's {@code logo_path}, logging each one. The files are not
 * read: a stored path may be exactly the file a tenant had no business reading (another tenant's
 * logo, anything the worker can read), so none is copied into the uploaded-logo storage. The
 * operator or the tenant uploads the logo again ({@code PUT /api/admin/tenant/logo}); the default
 * tenant can keep using {@code ISSUER_LOGO}.
 */
public class DropTenantLogoPaths implements CustomTaskChange {

  private static final Logger log = LoggerFactory.getLogger(DropTenantLogoPaths.class);

  @Override
  public void execute(Database database) throws CustomChangeException {
    try {
      drop(((JdbcConnection) database.getConnection()).getUnderlyingConnection());
    } catch (SQLException e) {
      throw new CustomChangeException("cannot drop the tenants' logo paths", e);
    }
  }

  /** Clears the paths; returns the log lines it wrote, one per tenant that had one. */
  static List<String> drop(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, slug, logo_path FROM tenants WHERE logo_path IS NOT NULL ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String line =
            "Tenant " + rs.getLong("id") + " (" + rs.getString("slug") + "): its logo_path " + rs.getString("logo_path")
                + " was dropped, not migrated (a server path is no longer a tenant setting); upload the logo with"
                + " PUT /api/admin/tenant/logo, or set ISSUER_LOGO for the default tenant";
        log.warn(line);
        lines.add(line);
      }
    }
    try (PreparedStatement clear = connection.prepareStatement("UPDATE tenants SET logo_path = NULL WHERE logo_path IS NOT NULL")) {
      clear.executeUpdate();
    }
    return lines;
  }

  @Override
  public String getConfirmationMessage() {
    return "tenants' logo paths dropped";
  }

  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
