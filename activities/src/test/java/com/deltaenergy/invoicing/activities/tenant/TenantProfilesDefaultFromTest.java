package com.deltaenergy.invoicing.activities.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** The sender another tenant's mail gets when it names none of its own. */
class TenantProfilesDefaultFromTest {

  @Test
  void takesTheAddressOutOfTheEnvironmentsSenderWithADisplayName() {
    assertThat(TenantProfiles.defaultFrom("Andes Mining", null, "Delta Mining Paraguay S.A. <billing@deltaenergy.com>"))
        .isEqualTo("\"Andes Mining\" <billing@deltaenergy.com>");
  }

  @Test
  void takesTheAddressOutOfAQuotedDisplayNameThatContainsAnAngleBracket() {
    assertThat(TenantProfiles.defaultFrom("Andes Mining", null, "\"Delta <Billing>\" <billing@deltaenergy.com>"))
        .isEqualTo("\"Andes Mining\" <billing@deltaenergy.com>");
  }

  @Test
  void usesABareEnvironmentAddressAsItIs() {
    assertThat(TenantProfiles.defaultFrom("Andes Mining", null, "billing@deltaenergy.com"))
        .isEqualTo("\"Andes Mining\" <billing@deltaenergy.com>");
  }

  @Test
  void prefersTheTenantsIssuerEmail() {
    assertThat(TenantProfiles.defaultFrom("Andes Mining", "billing@andes.example", "Delta <billing@deltaenergy.com>"))
        .isEqualTo("\"Andes Mining\" <billing@andes.example>");
  }

  @Test
  void dropsQuotesFromTheTenantNameSoTheResultParsesAsOneMailbox() throws Exception {
    String from = TenantProfiles.defaultFrom("The \"Andes\" Co", null, "billing@deltaenergy.com");

    InternetAddress parsed = InternetAddress.parse(from)[0];
    assertThat(parsed.getPersonal()).isEqualTo("The Andes Co");
    assertThat(parsed.getAddress()).isEqualTo("billing@deltaenergy.com");
  }
}
