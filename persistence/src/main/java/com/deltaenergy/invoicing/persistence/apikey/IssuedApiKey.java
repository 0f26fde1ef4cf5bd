package com.deltaenergy.invoicing.persistence.apikey;

/** A key just made: the only moment its plaintext exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String plaintext) {

  @Override
  public String toString() {
    return "IssuedApiKey[" + key.prefix() + "…]";
  }
}
