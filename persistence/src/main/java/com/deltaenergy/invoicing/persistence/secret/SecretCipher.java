package com.deltaenergy.invoicing.persistence.secret;

import com.deltaenergy.invoicing.persistence.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM (the JDK's implementation).
 *
 * <p>Stored form: {@code enc:v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}. The key id (the
 * first 8 hex digits of a SHA-256 of the key) says which master key decrypts it, so keys rotate
 * without a flag day: a new current key encrypts, previous keys still decrypt. Each value is bound
 * to where it is stored (the context, e.g. {@code tenants.smtp_password#7}) as additional
 * authenticated data: a ciphertext copied into another row or column does not decrypt.
 */
public final class SecretCipher {

  static final String PREFIX = "enc:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  private SecretCipher(String currentKeyId, Map<String, SecretKeySpec> keys) {
    this.currentKeyId = currentKeyId;
    this.keys = keys;
  }

  /** A cipher with a current key and any number of previous ones (Base64, 32 bytes each). */
  public static SecretCipher withKeys(String currentKey, List<String> previousKeys) {
    Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    String current = null;
    if (currentKey != null && !currentKey.isBlank()) {
      SecretKeySpec key = decodeKey(currentKey, "ENCRYPTION_KEY");
      current = keyId(key);
      keys.put(current, key);
    }
    for (String previous : previousKeys) {
      if (previous != null && !previous.isBlank()) {
        SecretKeySpec key = decodeKey(previous, "ENCRYPTION_PREVIOUS_KEYS");
        keys.putIfAbsent(keyId(key), key);
      }
    }
    return new SecretCipher(current, Map.copyOf(keys));
  }

  /** A new random key in the form {@code ENCRYPTION_KEY} takes. */
  public static String generateKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public boolean canEncrypt() {
    return currentKeyId != null;
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  public String encrypt(Secret secret, String context) {
    if (currentKeyId == null) {
      throw new EncryptionUnavailableException(
          "secrets cannot be stored: ENCRYPTION_KEY is not set (32 random bytes, Base64)");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  public Secret decrypt(String stored, String context) {
    String[] parts = parse(stored);
    SecretKeySpec key = keys.get(parts[0]);
    if (key == null) {
      throw new EncryptionUnavailableException(
          "a secret (" + context + ") is encrypted under key " + parts[0]
              + ", which is neither ENCRYPTION_KEY nor one of ENCRYPTION_PREVIOUS_KEYS");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(parts[1]);
      if (in.length <= NONCE_BYTES) {
        throw new EncryptionUnavailableException("a secret (" + context + ") is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // Deliberately without the cause's text: it never carries the secret, but keep it short.
      throw new EncryptionUnavailableException(
          "a secret (" + context + ") does not decrypt: altered, moved from another row, or a wrong key");
    }
  }

  /** True if the value is encrypted under a key other than the current one. */
  public boolean needsReencryption(String stored) {
    return currentKeyId != null && !parse(stored)[0].equals(currentKeyId);
  }

  private static String[] parse(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new EncryptionUnavailableException("not an encrypted secret");
    }
    String rest = stored.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      throw new EncryptionUnavailableException("not an encrypted secret");
    }
    return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
  }

  private static SecretKeySpec decodeKey(String encoded, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " is not Base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(setting + " must be 32 bytes (256 bits), got " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static String keyId(SecretKeySpec key) {
    byte[] label = "invoicing-key-id:".getBytes(StandardCharsets.UTF_8);
    byte[] encoded = key.getEncoded();
    byte[] labelled = Arrays.copyOf(label, label.length + encoded.length);
    System.arraycopy(encoded, 0, labelled, label.length, encoded.length);
    return Sha256.hex(labelled).substring(0, 8);
  }

  /** A secret cannot be encrypted or decrypted; the message never contains the secret. */
  public static class EncryptionUnavailableException extends RuntimeException {
    public EncryptionUnavailableException(String message) {
      super(message);
    }
  }
}
