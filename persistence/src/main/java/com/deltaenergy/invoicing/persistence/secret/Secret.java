package com.deltaenergy.invoicing.persistence.secret;

import java.util.Objects;

/**
 * A credential (exchange secret, SMTP password, webhook secret). Its text never appears in
 * {@link #toString()}, so a secret logged, put in an exception message or serialized by accident
 * shows as asterisks; only {@link #reveal()} hands it out, at the moment it is used.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** A secret from configuration, or null when the setting is blank. */
  public static Secret ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Secret(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
