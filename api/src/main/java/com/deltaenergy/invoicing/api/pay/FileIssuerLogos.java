package com.deltaenergy.invoicing.api.pay;

import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link IssuerLogos}: the operator's ISSUER_LOGO file for the default tenant, no logo
 * for the others. Where tenants' own logos are stored (in PostgreSQL), an {@link IssuerLogos} bean
 * reading them replaces this one and falls back to it for the default tenant.
 */
@Configuration(proxyBeanMethods = false)
class FileIssuerLogos {

  private static final Logger log = LoggerFactory.getLogger(FileIssuerLogos.class);

  @Bean
  @ConditionalOnMissingBean(IssuerLogos.class)
  IssuerLogos issuerLogos(@Value("${invoicing.documents.issuer-logo:}") String defaultLogo) {
    return tenantId -> {
      if (tenantId != Tenant.DEFAULT_TENANT_ID || defaultLogo == null || defaultLogo.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new IssuerLogos.Logo(Files.readAllBytes(Path.of(defaultLogo)), "image/png"));
      } catch (IOException e) {
        // The page is still useful without the logo; the PDF render reports the broken file.
        log.warn("cannot read the issuer logo {}: {}", defaultLogo, e.getMessage());
        return Optional.empty();
      }
    };
  }
}
