package com.deltaenergy.invoicing.persistence.tenant;

import com.deltaenergy.invoicing.persistence.secret.Secret;

/**
 * A tenant's decrypted secrets, each null when the tenant uses the environment's. Held only while
 * a call needs them; {@link Secret} keeps them out of logs.
 */
public record TenantCredentials(long tenantId, String mexcApiKey, Secret mexcApiSecret, Secret smtpPassword, Secret webhookSecret) {}
