package com.deltaenergy.invoicing.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The issuer a notice names: the sender's display name, else its address. */
class NotificationIssuerTest {

  @Test
  void isTheDisplayName() {
    assertThat(NotificationRecorder.issuer("Delta Mining Paraguay S.A. <billing@deltaenergy.com>"))
        .isEqualTo("Delta Mining Paraguay S.A.");
  }

  @Test
  void isTheDisplayNameWithoutItsQuotes() {
    assertThat(NotificationRecorder.issuer("\"Andes Mining\" <billing@andes.example>")).isEqualTo("Andes Mining");
  }

  @Test
  void keepsAnAngleBracketOrCommaInsideAQuotedDisplayName() {
    assertThat(NotificationRecorder.issuer("\"Andes <Mining>, Ltd\" <billing@andes.example>"))
        .isEqualTo("Andes <Mining>, Ltd");
  }

  @Test
  void isTheAddressOfABareAddress() {
    assertThat(NotificationRecorder.issuer("billing@andes.example")).isEqualTo("billing@andes.example");
  }

  @Test
  void isTheAddressWhenTheDisplayNameIsEmpty() {
    assertThat(NotificationRecorder.issuer("<billing@andes.example>")).isEqualTo("billing@andes.example");
    assertThat(NotificationRecorder.issuer("\"\" <billing@andes.example>")).isEqualTo("billing@andes.example");
  }
}
