package com.deltaenergy.invoicing.api.pay;

import java.util.Optional;

/**
 * A tenant's logo for the pay page: its uploaded logo, or the operator's ISSUER_LOGO for the
 * default tenant.
 */
public interface IssuerLogos {

  /** A logo image and its media type. */
  record Logo(byte[] bytes, String mediaType) {}

  Optional<Logo> logo(long tenantId);
}
