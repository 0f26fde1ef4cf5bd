package com.deltaenergy.invoicing.persistence.tenant;

/**
 * A tenant's uploaded logo, as the API re-encoded it (pixels only: no metadata, nothing that is
 * not an image). Ready to embed in a PDF, an e-mail or a web page as it is.
 *
 * @param mediaType {@code image/png} or {@code image/jpeg}
 */
public record TenantLogo(byte[] image, String mediaType) {

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";

  public TenantLogo {
    if (!PNG.equals(mediaType) && !JPEG.equals(mediaType)) {
      throw new IllegalArgumentException("a logo is a PNG or a JPEG, not " + mediaType);
    }
    image = image.clone();
  }

  @Override
  public byte[] image() {
    return image.clone();
  }

  @Override
  public String toString() {
    return "TenantLogo[" + mediaType + ", " + image.length + " bytes]";
  }
}
