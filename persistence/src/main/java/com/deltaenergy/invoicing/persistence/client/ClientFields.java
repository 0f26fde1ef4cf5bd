package com.deltaenergy.invoicing.persistence.client;

import java.util.List;

/**
 * What is written when a client is created or replaced; the mapping's two fields are both set or
 * both null. A null language is English.
 */
public record ClientFields(
    String name,
    String contactEmail,
    String address,
    String taxId,
    String cfoEntity,
    String cfoBusinessUnit,
    String country,
    List<Integer> dunningOffsetsDays,
    String language) {

  /** A client without a country, a dunning schedule or a language of its own. */
  public ClientFields(
      String name, String contactEmail, String address, String taxId, String cfoEntity, String cfoBusinessUnit) {
    this(name, contactEmail, address, taxId, cfoEntity, cfoBusinessUnit, null, null, null);
  }
}
