package com.deltaenergy.invoicing.activities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.deltaenergy.invoicing.persistence.secret.Secret;
import com.deltaenergy.invoicing.persistence.tenant.TenantCredentials;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which exchange account a tenant's invoices use, and that accounts are made once and shared. */
class ExchangeAccountsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final TenantRepository tenants = mock(TenantRepository.class);
  private final List<String> connected = new ArrayList<>();
  private final ExchangeProvider environmentExchange = mock(ExchangeProvider.class);
  private final ExchangeProperties properties = new ExchangeProperties(null, Duration.ofDays(7), Duration.ofSeconds(10), java.math.BigDecimal.ONE, Duration.ofHours(1), Duration.ofSeconds(30));
  private final DepositSnapshots environmentSnapshots =
      new DepositSnapshots(environmentExchange, properties, Duration.ofSeconds(30), clock);
  private final ExchangeAccounts accounts =
      new ExchangeAccounts(
          environmentExchange, environmentSnapshots, "env-key", tenants,
          (key, secret) -> {
            connected.add(key + "/" + secret);
            return mock(ExchangeProvider.class);
          },
          exchange -> new DepositSnapshots(exchange, properties, Duration.ofSeconds(30), clock),
          clock);

  @Test
  void aTenantWithoutItsOwnKeyUsesTheEnvironmentsAccount() {
    credentials(1, null, null);
    assertThat(accounts.forTenant(1)).isSameAs(accounts.environment());
    assertThat(accounts.environment().snapshots()).isSameAs(environmentSnapshots);
    assertThat(connected).isEmpty();
  }

  @Test
  void aTenantsOwnKeyGetsItsOwnAccountMadeOnceAndSharedByTenantsOnTheSameKey() {
    credentials(2, "andes-key", "andes-secret");
    credentials(3, "andes-key", "andes-secret");

    ExchangeAccounts.Account andes = accounts.forTenant(2);
    assertThat(andes).isNotSameAs(accounts.environment());
    assertThat(andes.snapshots()).isNotSameAs(environmentSnapshots);
    assertThat(andes.id()).startsWith("mexc:").doesNotContain("andes-key");
    assertThat(accounts.forTenant(2)).isSameAs(andes);
    assertThat(accounts.forTenant(3)).isSameAs(andes);
    assertThat(connected).containsExactly("andes-key/andes-secret");
  }

  @Test
  void theEnvironmentsKeyStoredOnATenantIsTheEnvironmentsAccount() {
    credentials(4, "env-key", "env-secret");
    assertThat(accounts.forTenant(4)).isSameAs(accounts.environment());
  }

  @Test
  void aRotatedSecretIsPickedUpAfterTheCacheExpires() {
    credentials(5, "quipu-key", "old-secret");
    ExchangeAccounts.Account before = accounts.forTenant(5);
    credentials(5, "quipu-key", "new-secret");
    assertThat(accounts.forTenant(5)).isSameAs(before);

    clock.advance(Duration.ofSeconds(31));
    ExchangeAccounts.Account after = accounts.forTenant(5);
    assertThat(after).isNotSameAs(before);
    assertThat(connected).containsExactly("quipu-key/old-secret", "quipu-key/new-secret");
  }

  @Test
  void aRotatedSecretIsNotReadAgainWithinTheTimeToLive() {
    credentials(7, "inti-key", "old-secret");
    ExchangeAccounts.Account before = accounts.forTenant(7);
    credentials(7, "inti-key", "new-secret");

    clock.advance(ExchangeAccounts.CREDENTIALS_TTL.minusSeconds(1));
    assertThat(accounts.forTenant(7)).isSameAs(before);
    verify(tenants, times(1)).credentials(7);

    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.forTenant(7)).isNotSameAs(before);
    verify(tenants, times(2)).credentials(7);
  }

  @Test
  void theTenantsAccountAndItsProviderListAreOneCachedReadOfTheTenant() {
    ExchangeProviderRepository lists = mock(ExchangeProviderRepository.class);
    when(lists.forTenant(8)).thenReturn(List.of());
    accounts.withProviders(List.of(), lists, Map.of());
    credentials(8, "sumaq-key", "sumaq-secret");

    ExchangeAccounts.Account own = accounts.forTenant(8);
    assertThat(accounts.issuing(8)).containsExactly(own);
    assertThat(accounts.issuing(8)).containsExactly(own);
    verify(tenants, times(1)).credentials(8);
    verify(lists, times(1)).forTenant(8);

    clock.advance(ExchangeAccounts.CREDENTIALS_TTL);
    assertThat(accounts.issuing(8)).containsExactly(own);
    assertThat(accounts.forTenant(8)).isSameAs(own);
    verify(tenants, times(2)).credentials(8);
    verify(lists, times(2)).forTenant(8);
  }

  private void credentials(long tenantId, String key, String secret) {
    when(tenants.credentials(tenantId))
        .thenReturn(Optional.of(new TenantCredentials(tenantId, key, Secret.ofNullable(secret), null, null)));
  }
}
