package com.deltaenergy.invoicing.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.persistence.exchange.ExchangeProviderRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant's ordered exchange list: validated field by field, secrets stored encrypted, never shown. */
class ExchangeProvidersApiTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired ExchangeProviderRepository providers;

  @Test
  void storesTheOrderedListWithEncryptedSecretsAndRefusesBadEntries() throws Exception {
    HttpResponse<String> bad =
        api.send("PUT", "/api/admin/tenant/exchange-providers", """
            {"providers": [{"provider": "kraken", "api_key": "k", "api_secret": "s"},
                           {"provider": "binance", "api_key": "", "api_secret": "s"}]}
            """);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json.readTree(bad.body()).findValuesAsText("field"))
        .containsExactlyInAnyOrder("providers[0].provider", "providers[1].api_key");
    assertThat(providers.forTenant(1L)).isEmpty(); // nothing half-stored

    HttpResponse<String> stored =
        api.send("PUT", "/api/admin/tenant/exchange-providers", """
            {"providers": [{"provider": "binance", "api_key": "bn-key-0001", "api_secret": "binance-secret-value"},
                           {"provider": "mexc", "api_key": "mx0-key-0002", "api_secret": "mexc-secret-value"}]}
            """);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    JsonNode list = json.readTree(stored.body()).get("providers");
    assertThat(list.findValuesAsText("provider")).containsExactly("binance", "mexc");
    assertThat(list.get(0).get("position").asInt()).isEqualTo(1);
    assertThat(list.get(0).get("api_key_end").asText()).isEqualTo("…0001");
    assertThat(stored.body()).doesNotContain("binance-secret-value").doesNotContain("bn-key-0001");
    String atRest =
        jdbc.sql("SELECT api_secret FROM tenant_exchange_providers WHERE tenant_id = 1 AND provider = 'binance'")
            .query(String.class).single();
    assertThat(atRest).doesNotContain("binance-secret-value");
    assertThat(providers.forTenant(1L).get(0).apiSecret().reveal()).isEqualTo("binance-secret-value");

    assertThat(api.send("PUT", "/api/admin/tenant/exchange-providers", "{\"providers\": []}").statusCode()).isEqualTo(200);
    assertThat(providers.forTenant(1L)).isEmpty();
  }
}
