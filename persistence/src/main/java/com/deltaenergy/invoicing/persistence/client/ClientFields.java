package com.deltaenergy.invoicing.persistence.client;

import java.util.List;

/** What is written when a client is created or replaced; the mapping's two fields are both set or both null. */
public record ClientFields(
    String name,
    String contactEmail,
    String address,
    String taxId,
    String cfoEntity,
    String cfoBusinessUnit,
    String country,
    List<Integer> dunningOffsetsDays) {

  /** A client without a country or a dunning schedule of its own. */
  public ClientFields(
      String name, String contactEmail, String address, String taxId, String cfoEntity, String cfoBusinessUnit) {
    this(name, contactEmail, address, taxId, cfoEntity, cfoBusinessUnit, null, null);
  }
}
