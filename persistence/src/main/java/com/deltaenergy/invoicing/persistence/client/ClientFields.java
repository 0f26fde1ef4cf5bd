package com.deltaenergy.invoicing.persistence.client;

/**
 * What is written when a client is created or replaced; the mapping's two fields are both set or
 * both null. A null language is English.
 */
public record ClientFields(
    String name, String contactEmail, String address, String taxId, String cfoEntity, String cfoBusinessUnit,
    String language) {

  public ClientFields(
      String name, String contactEmail, String address, String taxId, String cfoEntity, String cfoBusinessUnit) {
    this(name, contactEmail, address, taxId, cfoEntity, cfoBusinessUnit, null);
  }
}
