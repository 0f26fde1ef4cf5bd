package com.deltaenergy.invoicing.persistence.tenant;

import java.util.List;

/**
 * A tenant's own settings; null (or an empty list) means "the process default from the
 * environment". Secrets and the logo appear only as whether they are set (the logo's image:
 * {@link TenantRepository#logo}).
 */
public record TenantSettings(
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

  public static TenantSettings none() {
    return new TenantSettings(
        null, null, null, false, null, null, false, null, null, null, false, null, null, null,
        List.of(), List.of(), false, null);
  }
}
