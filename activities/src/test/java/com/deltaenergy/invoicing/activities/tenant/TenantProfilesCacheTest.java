package com.deltaenergy.invoicing.activities.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantCredentials;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import com.deltaenergy.invoicing.persistence.tenant.TenantSettings;
import com.deltaenergy.invoicing.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A tenant's profile is read once per time to live: a settings change shows after it, not before. */
class TenantProfilesCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final TenantRepository tenants = mock(TenantRepository.class);
  private final TenantProfiles profiles =
      new TenantProfiles(
          tenants,
          new DocumentSettings(Path.of("documents"), "Delta Mining", List.of("Asunción"), "", "billing@deltaenergy.com", null, "terms"),
          new NotificationSettings(
              "Delta Mining <billing@deltaenergy.com>", List.of("ops@deltaenergy.com"), true, List.of(), "", null,
              "invoicing.example", "http://localhost",
              new NotificationSettings.Smtp("localhost", 25, "", "", false, false, Duration.ofSeconds(1), Duration.ofSeconds(1))),
          clock);

  @Test
  void aChangedSettingShowsOnlyOnceTheTimeToLiveIsUp() {
    tenant(2, "billing@andes.example");
    assertThat(profiles.issuer(2).email()).isEqualTo("billing@andes.example");
    tenant(2, "accounts@andes.example");

    clock.advance(TenantProfiles.TTL.minusSeconds(1));
    assertThat(profiles.issuer(2).email()).isEqualTo("billing@andes.example");
    assertThat(profiles.delivery(2).from()).isEqualTo("\"Andes Mining\" <billing@andes.example>");
    verify(tenants, times(1)).findById(2);

    clock.advance(Duration.ofSeconds(1));
    assertThat(profiles.issuer(2).email()).isEqualTo("accounts@andes.example");
    assertThat(profiles.delivery(2).from()).isEqualTo("\"Andes Mining\" <accounts@andes.example>");
    verify(tenants, times(2)).findById(2);
  }

  @Test
  void tenantsAreCachedEachOnTheirOwn() {
    tenant(2, "billing@andes.example");
    tenant(3, "billing@inti.example");

    assertThat(profiles.issuer(2).email()).isEqualTo("billing@andes.example");
    assertThat(profiles.issuer(3).email()).isEqualTo("billing@inti.example");
    assertThat(profiles.of(2).tenantId()).isEqualTo(2);
    verify(tenants, times(1)).findById(2);
    verify(tenants, times(1)).findById(3);
  }

  private void tenant(long id, String issuerEmail) {
    TenantSettings none = TenantSettings.none();
    TenantSettings settings =
        new TenantSettings(
            none.issuerAddress(), none.issuerTaxId(), issuerEmail, false, null, null, false, null, null, null, false,
            null, null, null, List.of(), List.of(), false, null);
    String name = id == 2 ? "Andes Mining" : "Inti Energy";
    when(tenants.findById(id)).thenReturn(Optional.of(new Tenant(id, "t" + id, name, "T" + id, ZoneOffset.UTC, settings)));
    when(tenants.credentials(id)).thenReturn(Optional.of(new TenantCredentials(id, null, null, null, null)));
  }
}
