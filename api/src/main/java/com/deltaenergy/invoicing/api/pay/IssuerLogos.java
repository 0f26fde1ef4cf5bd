package com.deltaenergy.invoicing.api.pay;

import java.util.Optional;

/**
 * A tenant's logo for the pay page. The default reads the logo file the tenant's settings (or
 * ISSUER_LOGO) name; a store that keeps logos elsewhere replaces it with its own bean.
 */
public interface IssuerLogos {

  /** A logo image and its media type. */
  record Logo(byte[] bytes, String mediaType) {}

  Optional<Logo> logo(long tenantId);
}
