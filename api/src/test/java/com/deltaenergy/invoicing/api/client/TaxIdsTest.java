package com.deltaenergy.invoicing.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tax IDs by the client's country: check digits where the country has them, formats elsewhere. */
class TaxIdsTest {

  @ParameterizedTest(name = "{0} {1} is valid")
  @CsvSource({
    "PY, 1234567-9",
    "PY, 12345679",
    "PY, 80012345-0",
    "BR, 529.982.247-25",
    "BR, 52998224725",
    "BR, 11.222.333/0001-81",
    "BR, 11222333000181",
    "DE, DE123456789",
    "DE, 123456789",
    "GR, EL123456789",
    "FR, FR40303265045",
    "NL, NL123456789B01",
    "AT, ATU12345678",
    "ES, ESX1234567X",
    "IE, IE1234567WA",
    "US, 12-3456789",
    "US, 123456789",
    "CH, CHE-123.456.789",
    ", 20-12345678-9",
  })
  void accepts(String country, String taxId) {
    assertThat(TaxIds.problem(country, taxId)).isNull();
  }

  @ParameterizedTest(name = "{0} {1} is refused")
  @CsvSource({
    "PY, 1234567-8",
    "PY, 80012345-6",
    "PY, 123456789-0",
    "PY, ABC",
    "BR, 529.982.247-24",
    "BR, 111.111.111-11",
    "BR, 11.222.333/0001-80",
    "BR, 1234",
    "DE, DE12345678",
    "DE, FR123456789",
    "NL, NL123456789C01",
    "AT, AT12345678",
    "US, 12-345678",
    "US, 00-1234567",
    "US, not-an-ein",
    "CH, not-a-valid-id!!",
    ", not-a-valid-id!!",
    ", -leading",
    ", tab\there",
    ", 123456789012345678901234567890123",
  })
  void refuses(String country, String taxId) {
    assertThat(TaxIds.problem(country, taxId)).isNotNull();
  }
}
