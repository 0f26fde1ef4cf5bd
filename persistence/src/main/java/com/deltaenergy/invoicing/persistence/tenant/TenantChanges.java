package com.deltaenergy.invoicing.persistence.tenant;

import com.deltaenergy.invoicing.persistence.secret.Secret;
import java.util.List;

/**
 * A change to a tenant's settings. A null field is left as it is; an empty string (or empty list)
 * clears the setting back to the environment's default. The logo is not a setting here: it is
 * uploaded ({@link TenantRepository#storeLogo}).
 */
public record TenantChanges(
    String name,
    String timeZone,
    String issuerAddress,
    String issuerTaxId,
    String issuerEmail,
    String brandColor,
    String mexcApiKey,
    Secret mexcApiSecret,
    String smtpHost,
    Integer smtpPort,
    String smtpUsername,
    Secret smtpPassword,
    String smtpFrom,
    Boolean smtpStarttls,
    Boolean smtpSsl,
    List<String> operationsEmails,
    List<String> webhookUrls,
    Secret webhookSecret,
    List<Integer> dunningOffsetsDays) {

  public static TenantChanges none() {
    return new TenantChanges(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }
}
