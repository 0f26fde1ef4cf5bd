package com.deltaenergy.invoicing.persistence.tenant;

import java.time.ZoneId;

/** An issuing company. Every piece of tenant data carries its id. */
public record Tenant(long id, String slug, String name, String invoicePrefix, ZoneId timeZone) {}
