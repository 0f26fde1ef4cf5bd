package com.deltaenergy.invoicing.api.pay;

import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
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

/** The default {@link IssuerLogos}: the PNG file named by the tenant's settings or ISSUER_LOGO. */
@Configuration(proxyBeanMethods = false)
class FileIssuerLogos {

  private static final Logger log = LoggerFactory.getLogger(FileIssuerLogos.class);

  @Bean
  @ConditionalOnMissingBean(IssuerLogos.class)
  IssuerLogos issuerLogos(
      TenantRepository tenants, @Value("${invoicing.documents.issuer-logo:}") String defaultLogo) {
    return tenantId -> {
      String configured =
          tenants.findById(tenantId).map(t -> t.settings().logoPath()).filter(p -> !p.isBlank()).orElse(defaultLogo);
      if (configured == null || configured.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new IssuerLogos.Logo(Files.readAllBytes(Path.of(configured)), "image/png"));
      } catch (IOException e) {
        // The page is still useful without the logo; the PDF render reports the broken file.
        log.warn("cannot read the issuer logo {}: {}", configured, e.getMessage());
        return Optional.empty();
      }
    };
  }
}
