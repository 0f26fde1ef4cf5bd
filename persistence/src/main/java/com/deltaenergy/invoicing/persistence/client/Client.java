package com.deltaenergy.invoicing.persistence.client;

/** A company the tenant invoices. */
public record Client(
    long id, long tenantId, String name, String contactEmail, String address, String taxId) {}
