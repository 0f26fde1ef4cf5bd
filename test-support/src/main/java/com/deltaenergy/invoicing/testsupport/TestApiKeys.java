package com.deltaenergy.invoicing.testsupport;

/**
 * The admin key of the default tenant in tests: application-test.yml sets it as the bootstrap key,
 * so every test application starts with it.
 */
public final class TestApiKeys {

  public static final String ADMIN = "test-bootstrap-admin-key-0123456789abcdef";
  public static final String BEARER = "Bearer " + ADMIN;

  private TestApiKeys() {}
}
