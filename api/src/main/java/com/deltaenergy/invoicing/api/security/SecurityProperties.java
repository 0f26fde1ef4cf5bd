package com.deltaenergy.invoicing.api.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the first API key comes to exist.
 *
 * @param bootstrapKey a key chosen by whoever deploys ({@code BOOTSTRAP_API_KEY}, at least 32
 *     characters): created on start, if absent, as an admin key of the default tenant
 * @param developmentKeyFile the embedded default's: when the default tenant has no key yet, one
 *     is made, printed and written here; empty in production
 */
@ConfigurationProperties("invoicing.security")
public record SecurityProperties(String bootstrapKey, Path developmentKeyFile) {

  static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;
}
