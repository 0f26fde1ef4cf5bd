package com.deltaenergy.invoicing.api.pay;

import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tenant's uploaded logo from PostgreSQL; for the default tenant without one, the operator's
 * ISSUER_LOGO file, as on the PDF.
 */
@Component
class StoredIssuerLogos implements IssuerLogos {

  private static final Logger log = LoggerFactory.getLogger(StoredIssuerLogos.class);

  private final TenantRepository tenants;
  private final String defaultLogo;

  StoredIssuerLogos(TenantRepository tenants, @Value("${invoicing.documents.issuer-logo:}") String defaultLogo) {
    this.tenants = tenants;
    this.defaultLogo = defaultLogo;
  }

  @Override
  public Optional<Logo> logo(long tenantId) {
    Optional<Logo> uploaded = tenants.logo(tenantId).map(l -> new Logo(l.image(), l.mediaType()));
    if (uploaded.isPresent() || tenantId != Tenant.DEFAULT_TENANT_ID || defaultLogo == null || defaultLogo.isBlank()) {
      return uploaded;
    }
    try {
      return Optional.of(new Logo(Files.readAllBytes(Path.of(defaultLogo)), "image/png"));
    } catch (IOException e) {
      // The page is still useful without the logo; the PDF render reports the broken file.
      log.warn("cannot read the issuer logo {}: {}", defaultLogo, e.getMessage());
      return Optional.empty();
    }
  }
}
