package com.deltaenergy.invoicing.persistence.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional conditions of a filtered query, each added with its parameter so that the SQL and
 * what is bound to it cannot drift apart: a condition applies only when its value is given.
 */
public final class SqlConditions {

  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** {@code " AND condition"} with {@code :name} bound to the value; nothing when the value is null. */
  public SqlConditions and(String condition, String name, Object value) {
    if (value != null) {
      and(condition, Map.of(name, value));
    }
    return this;
  }

  /** {@code " AND condition"} with {@code :name} bound to the values; nothing when there are none. */
  public SqlConditions andIn(String condition, String name, Collection<?> values) {
    if (values != null && !values.isEmpty()) {
      and(condition, Map.of(name, values));
    }
    return this;
  }

  /** {@code " AND condition"} with all of its parameters. */
  public SqlConditions and(String condition, Map<String, ?> values) {
    sql.append(" AND ").append(condition);
    params.putAll(values);
    return this;
  }

  /** The conditions, each as {@code " AND …"}; empty when none applies. */
  public String sql() {
    return sql.toString();
  }

  /** The parameters of the conditions that apply, by name. */
  public Map<String, Object> params() {
    return params;
  }
}
