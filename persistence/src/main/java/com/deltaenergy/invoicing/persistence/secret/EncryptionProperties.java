package com.deltaenergy.invoicing.persistence.secret;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master keys that encrypt secrets at rest.
 *
 * @param key the current key, 32 random bytes in Base64 ({@code ENCRYPTION_KEY}); new secrets are
 *     encrypted with it
 * @param previousKeys keys that were current before ({@code ENCRYPTION_PREVIOUS_KEYS},
 *     comma-separated): secrets under them still decrypt and are re-encrypted under the current key
 * @param keyFile where the embedded default keeps a generated key when {@code key} is blank; empty
 *     in production, where a missing key means secrets cannot be stored
 */
@ConfigurationProperties("invoicing.encryption")
public record EncryptionProperties(String key, @DefaultValue List<String> previousKeys, Path keyFile) {}
