package com.deltaenergy.invoicing.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A tenant made through the admin API for a test, with the key of its own admin. */
public record NewTenant(long id, String adminKey) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Creates it as the default tenant's admin with a slug ({@code slugStem-…}) and an invoice prefix
   * ({@code prefixLetter…}) that no other test's tenant has.
   */
  public static NewTenant create(ApiHttp api, String slugStem, String name, char prefixLetter) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return create(api, slugStem + "-" + suffix, name, prefixLetter + suffix.toUpperCase(Locale.ROOT));
  }

  /** Creates it as the default tenant's admin; the test fails unless the API answers 201. */
  public static NewTenant create(ApiHttp api, String slug, String name, String invoicePrefix) throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/admin/tenants",
            JSON.writeValueAsString(Map.of("slug", slug, "name", name, "invoice_prefix", invoicePrefix)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    return new NewTenant(body.at("/tenant/id").asLong(), body.at("/admin_key/key").asText());
  }
}
