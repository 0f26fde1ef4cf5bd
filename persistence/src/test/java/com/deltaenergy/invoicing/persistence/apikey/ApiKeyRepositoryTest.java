package com.deltaenergy.invoicing.persistence.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.support.MigratedDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyRepositoryTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private final ApiKeyRepository keys = new ApiKeyRepository(DATABASE.jdbc());

  @Test
  void aKeyIsFoundByItsPlaintextButOnlyItsHashIsStored() {
    IssuedApiKey issued = keys.issue(1, "ci", ApiScope.WRITE, "test");

    assertThat(issued.plaintext()).startsWith("inv_").hasSizeGreaterThan(40);
    assertThat(issued.toString()).doesNotContain(issued.plaintext());
    assertThat(keys.findByPlaintext(issued.plaintext())).get()
        .satisfies(key -> {
          assertThat(key.tenantId()).isEqualTo(1);
          assertThat(key.scope()).isEqualTo(ApiScope.WRITE);
          assertThat(key.active()).isTrue();
        });
    long plaintextStored =
        DATABASE.jdbc().sql("SELECT count(*) FROM api_keys WHERE key_hash = ? OR key_prefix = ?")
            .params(issued.plaintext(), issued.plaintext())
            .query(Long.class)
            .single();
    assertThat(plaintextStored).isZero();
    assertThat(keys.findByPlaintext(issued.plaintext() + "x")).isEmpty();
  }

  @Test
  void revokingIsPerTenantAndKeepsTheFirstTime() {
    IssuedApiKey issued = keys.issue(1, "to revoke", ApiScope.READ, "test");
    assertThat(keys.revoke(2, issued.key().id(), Instant.now())).isEmpty();
    assertThat(keys.findByPlaintext(issued.plaintext()).orElseThrow().active()).isTrue();

    Instant first = Instant.parse("2026-11-21T10:00:00Z");
    assertThat(keys.revoke(1, issued.key().id(), first).orElseThrow().revokedAt()).isEqualTo(first);
    assertThat(keys.revoke(1, issued.key().id(), first.plusSeconds(60)).orElseThrow().revokedAt()).isEqualTo(first);
    assertThat(keys.findByPlaintext(issued.plaintext()).orElseThrow().active()).isFalse();
  }

  @Test
  void aBootstrapKeyIsStoredOnce() {
    String chosen = "bootstrap-key-chosen-by-the-operator-0001";
    assertThat(keys.storeIfAbsent(1, "bootstrap", ApiScope.ADMIN, "environment", chosen)).isPresent();
    assertThat(keys.storeIfAbsent(1, "bootstrap", ApiScope.ADMIN, "environment", chosen)).isEmpty();
    assertThat(keys.findAll(1)).filteredOn(k -> k.name().equals("bootstrap")).hasSize(1);
  }

  @Test
  void scopesIncludeTheLowerOnes() {
    assertThat(ApiScope.ADMIN.includes(ApiScope.WRITE)).isTrue();
    assertThat(ApiScope.WRITE.includes(ApiScope.READ)).isTrue();
    assertThat(ApiScope.READ.includes(ApiScope.WRITE)).isFalse();
    assertThat(ApiScope.WRITE.includes(ApiScope.ADMIN)).isFalse();
  }
}
