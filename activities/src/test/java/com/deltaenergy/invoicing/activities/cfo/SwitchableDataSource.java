package com.deltaenergy.invoicing.activities.cfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A ledger connection the test takes down and brings back: each connection comes from the current target. */
final class SwitchableDataSource extends AbstractDataSource {

  private final AtomicReference<DataSource> target;

  SwitchableDataSource(DataSource initial) {
    this.target = new AtomicReference<>(initial);
  }

  void switchTo(DataSource next) {
    target.set(next);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target.get().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target.get().getConnection(username, password);
  }
}
