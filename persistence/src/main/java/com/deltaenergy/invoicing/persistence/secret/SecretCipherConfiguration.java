package com.deltaenergy.invoicing.persistence.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class SecretCipherConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecretCipherConfiguration.class);

  @Bean
  SecretCipher secretCipher(EncryptionProperties properties) {
    String key = properties.key();
    if ((key == null || key.isBlank()) && properties.keyFile() != null) {
      key = keyFromFile(properties.keyFile());
    }
    SecretCipher cipher = SecretCipher.withKeys(key, properties.previousKeys());
    if (!cipher.canEncrypt()) {
      log.warn("ENCRYPTION_KEY is not set: tenant secrets (MEXC, SMTP, webhook) cannot be stored;"
          + " the environment's settings are used for every tenant");
    }
    return cipher;
  }

  /** The embedded default's key: made once, kept beside the data it protects, owner-only. */
  private static String keyFromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String key = SecretCipher.generateKey();
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("{} cannot have POSIX permissions on this file system", file);
      }
      log.info("Generated an encryption key for secrets at rest in {} (back it up with the data)", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the encryption key file " + file, e);
    }
  }
}
