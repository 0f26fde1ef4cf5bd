package com.deltaenergy.invoicing.persistence.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.secret.SecretCipher;
import com.deltaenergy.invoicing.persistence.support.MigratedDatabase;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantRepositoryTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private static final String KEY = SecretCipher.generateKey();

  private final TenantRepository tenants = new TenantRepository(DATABASE.jdbc(), SecretCipher.withKeys(KEY, List.of()));

  @Test
  void theDefaultTenantExistsWithTheEnvironmentsSettings() {
    Tenant delta = tenants.findById(Tenant.DEFAULT_TENANT_ID).orElseThrow();
    assertThat(delta.name()).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(delta.invoicePrefix()).isEqualTo("DPY");
    assertThat(delta.isDefault()).isTrue();
    assertThat(delta.settings().smtpHost()).isNull();
    assertThat(delta.settings().mexcApiSecretSet()).isFalse();
  }

  @Test
  void secretsAreStoredEncryptedAndReadBackOnlyAsCredentials() {
    Tenant acme = tenants.create("acme-secrets", "Acme Mining", "ACS", ZoneId.of("UTC"));
    Tenant updated =
        tenants.update(
                acme.id(),
                new TenantChanges(
                    null, null, "1 Main St", "TAX-1", "billing@acme.test", "#123abc", "mx0acme",
                    Secret.of("mexc-secret-value"), "smtp.acme.test", 587, "mailer", Secret.of("smtp-password-value"),
                    "Acme <billing@acme.test>", true, false, List.of("ops@acme.test"),
                    List.of("https://hooks.acme.test/a"), Secret.of("webhook-secret-value"), List.of(-2, 5, 10)))
            .orElseThrow();

    assertThat(updated.settings().mexcApiSecretSet()).isTrue();
    assertThat(updated.settings().smtpPort()).isEqualTo(587);
    assertThat(updated.settings().dunningOffsetsDays()).containsExactly(-2, 5, 10);
    assertThat(updated.settings().operationsEmails()).containsExactly("ops@acme.test");
    assertThat(updated.toString()).doesNotContain("secret-value", "password-value");

    String stored =
        DATABASE.jdbc()
            .sql("SELECT concat_ws('|', mexc_api_secret_enc, smtp_password_enc, webhook_secret_enc) FROM tenants WHERE id = ?")
            .param(acme.id())
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("mexc-secret-value", "smtp-password-value", "webhook-secret-value").contains("enc:v1:");

    TenantCredentials credentials = tenants.credentials(acme.id()).orElseThrow();
    assertThat(credentials.mexcApiKey()).isEqualTo("mx0acme");
    assertThat(credentials.mexcApiSecret().reveal()).isEqualTo("mexc-secret-value");
    assertThat(credentials.smtpPassword().reveal()).isEqualTo("smtp-password-value");
    assertThat(credentials.webhookSecret().reveal()).isEqualTo("webhook-secret-value");
    assertThat(credentials.toString()).doesNotContain("secret-value", "password-value");
  }

  @Test
  void nullLeavesASettingAndEmptyClearsIt() {
    Tenant acme = tenants.create("acme-clear", "Acme Clear", "ACL", ZoneId.of("UTC"));
    tenants.update(acme.id(), withSmtp("smtp.acme.test", Secret.of("pw")));
    tenants.update(acme.id(), TenantChanges.none());
    assertThat(tenants.findById(acme.id()).orElseThrow().settings().smtpHost()).isEqualTo("smtp.acme.test");

    tenants.update(acme.id(), withSmtp("", Secret.of("")));
    Tenant cleared = tenants.findById(acme.id()).orElseThrow();
    assertThat(cleared.settings().smtpHost()).isNull();
    assertThat(cleared.settings().smtpPasswordSet()).isFalse();
    assertThat(tenants.credentials(acme.id()).orElseThrow().smtpPassword()).isNull();
  }

  @Test
  void aSecretCopiedToAnotherTenantDoesNotDecryptThere() {
    Tenant a = tenants.create("acme-a", "Acme A", "ACA", ZoneId.of("UTC"));
    Tenant b = tenants.create("acme-b", "Acme B", "ACB", ZoneId.of("UTC"));
    tenants.update(a.id(), withSmtp("smtp.a.test", Secret.of("a-password")));
    DATABASE.jdbc()
        .sql("UPDATE tenants SET smtp_password_enc = (SELECT smtp_password_enc FROM tenants WHERE id = ?) WHERE id = ?")
        .params(a.id(), b.id())
        .update();

    assertThatThrownBy(() -> tenants.credentials(b.id()))
        .isInstanceOf(SecretCipher.EncryptionUnavailableException.class)
        .hasMessageNotContaining("a-password");
  }

  @Test
  void rotatingTheKeyReencryptsEverySecretUnderTheNewOne() {
    Tenant acme = tenants.create("acme-rotate", "Acme Rotate", "ACR", ZoneId.of("UTC"));
    tenants.update(acme.id(), withSmtp("smtp.acme.test", Secret.of("before-rotation")));

    String newKey = SecretCipher.generateKey();
    SecretCipher rotatedCipher = SecretCipher.withKeys(newKey, List.of(KEY));
    TenantRepository rotated = new TenantRepository(DATABASE.jdbc(), rotatedCipher);
    assertThat(rotated.reencryptUnderCurrentKey()).isGreaterThanOrEqualTo(1);
    assertThat(rotated.reencryptUnderCurrentKey()).isZero();

    TenantRepository newKeyOnly = new TenantRepository(DATABASE.jdbc(), SecretCipher.withKeys(newKey, List.of()));
    assertThat(newKeyOnly.credentials(acme.id()).orElseThrow().smtpPassword().reveal()).isEqualTo("before-rotation");
  }

  @Test
  void aLogoIsStoredWithItsTenantOnlyAndCanBeRemoved() {
    Tenant a = tenants.create("logo-a", "Logo A", "LGA", ZoneId.of("UTC"));
    Tenant b = tenants.create("logo-b", "Logo B", "LGB", ZoneId.of("UTC"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    assertThat(tenants.storeLogo(a.id(), new TenantLogo(png, TenantLogo.PNG))).isTrue();

    TenantLogo stored = tenants.logo(a.id()).orElseThrow();
    assertThat(stored.image()).containsExactly(png);
    assertThat(stored.mediaType()).isEqualTo("image/png");
    assertThat(tenants.findById(a.id()).orElseThrow().settings().logoSet()).isTrue();
    assertThat(tenants.logo(b.id())).isEmpty();
    assertThat(tenants.findById(b.id()).orElseThrow().settings().logoSet()).isFalse();

    assertThat(tenants.deleteLogo(a.id())).isTrue();
    assertThat(tenants.logo(a.id())).isEmpty();
    assertThat(tenants.findById(a.id()).orElseThrow().settings().logoSet()).isFalse();
    assertThat(tenants.storeLogo(999_999, new TenantLogo(png, TenantLogo.PNG))).isFalse();
  }

  @Test
  void theDatabaseRefusesALogoThatIsNotAPngOrJpeg() {
    Tenant a = tenants.create("logo-svg", "Logo SVG", "LGS", ZoneId.of("UTC"));
    assertThatThrownBy(
            () -> DATABASE.jdbc()
                .sql("UPDATE tenants SET logo_image = ?, logo_media_type = 'image/svg+xml' WHERE id = ?")
                .params("<svg/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), a.id())
                .update())
        .hasMessageContaining("ck_tenants_logo");
  }

  @Test
  void storedLogoPathsAreDroppedWithALogLineNotRead() throws Exception {
    Tenant a = tenants.create("logo-path", "Logo Path", "LGP", ZoneId.of("UTC"));
    // The column as it was before changeset 0012, holding what a tenant admin could set.
    DATABASE.jdbc().sql("ALTER TABLE tenants ADD COLUMN logo_path TEXT").update();
    try {
      DATABASE.jdbc().sql("UPDATE tenants SET logo_path = '/srv/other-tenant/logo.png' WHERE id = ?").param(a.id()).update();

      List<String> logged;
      try (var connection = DATABASE.dataSource().getConnection()) {
        logged = DropTenantLogoPaths.drop(connection);
      }

      assertThat(logged).singleElement().asString()
          .contains("Tenant " + a.id(), "logo-path", "/srv/other-tenant/logo.png", "dropped", "PUT /api/admin/tenant/logo");
      assertThat(DATABASE.jdbc().sql("SELECT count(*) FROM tenants WHERE logo_path IS NOT NULL").query(Long.class).single())
          .isZero();
      assertThat(tenants.logo(a.id())).as("nothing was read from the path").isEmpty();
    } finally {
      DATABASE.jdbc().sql("ALTER TABLE tenants DROP COLUMN logo_path").update();
    }
  }

  @Test
  void theLogoPathColumnIsGoneAfterTheMigration() {
    assertThat(
            DATABASE.jdbc()
                .sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'tenants' AND column_name = 'logo_path'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private static TenantChanges withSmtp(String host, Secret password) {
    return new TenantChanges(
        null, null, null, null, null, null, null, null, host, null, null, password, null, null, null,
        null, null, null, null);
  }
}
