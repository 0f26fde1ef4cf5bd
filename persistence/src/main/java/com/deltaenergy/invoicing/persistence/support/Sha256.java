package com.deltaenergy.invoicing.persistence.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the one way the system fingerprints a key, a token, a request or a
 * file. Every JVM ships SHA-256, so its absence is a broken runtime, not a case to handle.
 */
public final class Sha256 {

  private Sha256() {}

  /** The SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of the bytes, 64 lower-case hex digits. */
  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
