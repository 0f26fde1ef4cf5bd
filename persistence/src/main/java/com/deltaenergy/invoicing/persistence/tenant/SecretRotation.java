package com.deltaenergy.invoicing.persistence.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes a key rotation on start: secrets stored under a previous key are re-encrypted under
 * ENCRYPTION_KEY, after which the previous key can be dropped from ENCRYPTION_PREVIOUS_KEYS.
 */
@Component
class SecretRotation {

  private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

  private final TenantRepository tenants;

  SecretRotation(TenantRepository tenants) {
    this.tenants = tenants;
  }

  @EventListener(ApplicationReadyEvent.class)
  void reencrypt() {
    int rewritten = tenants.reencryptUnderCurrentKey();
    if (rewritten > 0) {
      log.info("Re-encrypted {} tenant secret(s) under the current encryption key", rewritten);
    }
  }
}
