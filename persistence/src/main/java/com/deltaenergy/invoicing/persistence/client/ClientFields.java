package com.deltaenergy.invoicing.persistence.client;

/** What is written when a client is created or replaced; the mapping's two fields are both set or both null. */
public record ClientFields(
    String name, String contactEmail, String address, String taxId, String cfoEntity, String cfoBusinessUnit) {}
