package com.deltaenergy.invoicing.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String OLD_KEY = SecretCipher.generateKey();
  private static final String NEW_KEY = SecretCipher.generateKey();
  private static final String CONTEXT = "tenants.smtp_password_enc#7";

  @Test
  void encryptsSoThatOnlyTheSameKeyAndPlaceDecrypt() {
    SecretCipher cipher = SecretCipher.withKeys(NEW_KEY, List.of());
    String stored = cipher.encrypt(Secret.of("hunter2-smtp"), CONTEXT);

    assertThat(stored).startsWith("enc:v1:" + cipher.currentKeyId() + ":").doesNotContain("hunter2");
    assertThat(cipher.decrypt(stored, CONTEXT).reveal()).isEqualTo("hunter2-smtp");
    // a fresh nonce each time: the same secret never encrypts to the same text
    assertThat(cipher.encrypt(Secret.of("hunter2-smtp"), CONTEXT)).isNotEqualTo(stored);
  }

  @Test
  void aCiphertextMovedToAnotherTenantOrColumnDoesNotDecrypt() {
    SecretCipher cipher = SecretCipher.withKeys(NEW_KEY, List.of());
    String stored = cipher.encrypt(Secret.of("hunter2-smtp"), CONTEXT);

    assertThatThrownBy(() -> cipher.decrypt(stored, "tenants.smtp_password_enc#8"))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> cipher.decrypt(stored, "tenants.webhook_secret_enc#7"))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class);
  }

  @Test
  void anAlteredCiphertextIsRefused() {
    SecretCipher cipher = SecretCipher.withKeys(NEW_KEY, List.of());
    String stored = cipher.encrypt(Secret.of("hunter2-smtp"), CONTEXT);
    String body = stored.substring(stored.lastIndexOf(':') + 1);
    byte[] bytes = Base64.getUrlDecoder().decode(body);
    bytes[bytes.length - 1] ^= 1;
    String altered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class);
  }

  @Test
  void aPreviousKeyStillDecryptsAndIsDueForReencryption() {
    String underOld = SecretCipher.withKeys(OLD_KEY, List.of()).encrypt(Secret.of("s3cret"), CONTEXT);
    SecretCipher rotated = SecretCipher.withKeys(NEW_KEY, List.of(OLD_KEY));

    assertThat(rotated.decrypt(underOld, CONTEXT).reveal()).isEqualTo("s3cret");
    assertThat(rotated.needsReencryption(underOld)).isTrue();
    assertThat(rotated.needsReencryption(rotated.encrypt(Secret.of("s3cret"), CONTEXT))).isFalse();

    SecretCipher withoutOld = SecretCipher.withKeys(NEW_KEY, List.of());
    assertThatThrownBy(() -> withoutOld.decrypt(underOld, CONTEXT))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class)
        .hasMessageContaining("ENCRYPTION_PREVIOUS_KEYS");
  }

  @Test
  void withoutAKeyNothingIsStoredAndTheReasonIsSaid() {
    SecretCipher none = SecretCipher.withKeys(null, List.of());
    assertThat(none.canEncrypt()).isFalse();
    assertThatThrownBy(() -> none.encrypt(Secret.of("x"), CONTEXT))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class)
        .hasMessageContaining("ENCRYPTION_KEY");
  }

  @Test
  void keysMustBeThirtyTwoBytesOfBase64() {
    assertThatThrownBy(() -> SecretCipher.withKeys("c2hvcnQ=", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> SecretCipher.withKeys("not base64 !!", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Base64");
  }

  @Test
  void aSecretNeverPrintsItself() {
    Secret secret = Secret.of("hunter2");
    assertThat(secret.toString()).isEqualTo("******");
    assertThat(String.valueOf(List.of(secret))).doesNotContain("hunter2");
  }
}
