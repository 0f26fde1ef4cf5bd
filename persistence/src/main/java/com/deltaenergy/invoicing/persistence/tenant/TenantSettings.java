package com.deltaenergy.invoicing.persistence.tenant;

import java.util.List;

/**
 * A tenant's own settings; null (or an empty list) means "the process default from the
 * environment". Secrets appear only as whether they are set.
 */
public record TenantSettings(
    String issuerAddress,
    String issuerTaxId,
    String issuerEmail,
    String logoPath,
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
        null, null, null, null, null, null, false, null, null, null, false, null, null, null,
        List.of(), List.of(), false, null);
  }
}
