package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantSettings;
import java.util.List;

/** A tenant and its settings; secrets and the logo only as whether they are set. */
public record TenantResponse(
    long id,
    String slug,
    String name,
    String invoicePrefix,
    String timeZone,
    String issuerAddress,
    String issuerTaxId,
    String issuerEmail,
    boolean logoSet,
    String brandColor,
    String mexcApiKey,
    boolean mexcApiSecretSet,
    String smtpHost,
    Integer smtpPort,
    String smtpUsername,
    boolean smtpPasswordSet,
    String smtpFrom,
    Boolean smtpStarttls,
    Boolean smtpSsl,
    List<String> operationsEmails,
    List<String> webhookUrls,
    boolean webhookSecretSet,
    List<Integer> dunningOffsetsDays) {

  static TenantResponse of(Tenant tenant) {
    TenantSettings s = tenant.settings();
    return new TenantResponse(
        tenant.id(), tenant.slug(), tenant.name(), tenant.invoicePrefix(), tenant.timeZone().getId(),
        s.issuerAddress(), s.issuerTaxId(), s.issuerEmail(), s.logoSet(), s.brandColor(), s.mexcApiKey(),
        s.mexcApiSecretSet(), s.smtpHost(), s.smtpPort(), s.smtpUsername(), s.smtpPasswordSet(), s.smtpFrom(),
        s.smtpStarttls(), s.smtpSsl(), s.operationsEmails(), s.webhookUrls(), s.webhookSecretSet(),
        s.dunningOffsetsDays());
  }

  /** A new tenant with the one admin key it starts with (its plaintext shown only here). */
  public record Created(TenantResponse tenant, ApiKeyController.CreatedApiKeyResponse adminKey) {}
}
