package com.deltaenergy.invoicing.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientApiTest extends ApiTest {

  @Test
  void createsReadsReplacesAndDeletesAClient() throws Exception {
    String name = "Hydro Hosting " + UUID.randomUUID();
    HttpResponse<String> created =
        api.send("POST", "/api/clients",
            """
            {"name": "  %s ", "contact_email": "billing@hydro.example", "address": "Ruta 2 km 40, Itaipu",
             "tax_id": "80012345-6", "cfo_entity": "Delta Mining Paraguay S.A.", "cfo_business_unit": "Paraguay Hosting"}
            """.formatted(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode client = json.readTree(created.body());
    long id = client.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/clients/" + id);
    assertThat(client.get("name").asText()).isEqualTo(name);
    assertThat(client.get("contact_email").asText()).isEqualTo("billing@hydro.example");
    assertThat(client.get("tax_id").asText()).isEqualTo("80012345-6");
    assertThat(client.get("cfo_business_unit").asText()).isEqualTo("Paraguay Hosting");

    assertThat(json.readTree(api.send("GET", "/api/clients/" + id, null).body())).isEqualTo(client);
    assertThat(json.readTree(api.send("GET", "/api/clients", null).body()).findValuesAsText("name")).contains(name);

    HttpResponse<String> replaced =
        api.send("PUT", "/api/clients/" + id, "{\"name\": \"%s\", \"contact_email\": \"ap@hydro.example\"}".formatted(name + " SA"));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    JsonNode now = json.readTree(replaced.body());
    assertThat(now.get("name").asText()).isEqualTo(name + " SA");
    assertThat(now.get("contact_email").asText()).isEqualTo("ap@hydro.example");
    // PUT replaces: what was left out is gone, the CFO mapping included.
    assertThat(now.get("address").isNull()).isTrue();
    assertThat(now.get("cfo_entity").isNull()).isTrue();

    assertThat(api.send("DELETE", "/api/clients/" + id, null).statusCode()).isEqualTo(204);
    assertThat(api.send("GET", "/api/clients/" + id, null).statusCode()).isEqualTo(404);
    assertThat(api.send("DELETE", "/api/clients/" + id, null).statusCode()).isEqualTo(404);
    assertThat(api.send("PUT", "/api/clients/" + id, "{\"name\": \"gone\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void aClientWithInvoicesCannotBeDeleted() throws Exception {
    // Seed client 1 (Alps Blockchain) has invoices once one is created.
    HttpResponse<String> invoice =
        api.send("POST", "/api/invoice/create",
            """
            {"client_id": 1, "amount_usd": 10, "crypto_currency": "USDT", "crypto_network": "TRC20",
             "billing_period": "October 2025", "due_date": "%s", "description": "Keeps its client"}
            """.formatted(java.time.LocalDate.now().plusDays(5)));
    assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);

    HttpResponse<String> delete = api.send("DELETE", "/api/clients/1", null);

    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(409);
    assertThat(delete.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.send("GET", "/api/clients/1", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aSecondClientOfTheSameNameIs409() throws Exception {
    String name = "Twin " + UUID.randomUUID();
    assertThat(api.send("POST", "/api/clients", "{\"name\": \"%s\"}".formatted(name)).statusCode()).isEqualTo(201);
    HttpResponse<String> twin = api.send("POST", "/api/clients", "{\"name\": \"%s\"}".formatted(name));
    assertThat(twin.statusCode()).as(twin.body()).isEqualTo(409);

    long other = json.readTree(api.send("POST", "/api/clients", "{\"name\": \"%s b\"}".formatted(name)).body()).get("id").asLong();
    assertThat(api.send("PUT", "/api/clients/" + other, "{\"name\": \"%s\"}".formatted(name)).statusCode()).isEqualTo(409);
  }

  @Test
  void invalidFieldsAreNamed() throws Exception {
    HttpResponse<String> response =
        api.send("POST", "/api/clients",
            """
            {"name": " ", "contact_email": "not an e-mail", "tax_id": "%s"}
            """.formatted("9".repeat(65)));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fields(response)).containsExactlyInAnyOrder("name", "contact_email", "tax_id");

    HttpResponse<String> halfMapping =
        api.send("POST", "/api/clients", "{\"name\": \"Half %s\", \"cfo_entity\": \"Delta\"}".formatted(UUID.randomUUID()));
    assertThat(halfMapping.statusCode()).isEqualTo(400);
    assertThat(fields(halfMapping)).containsExactly("cfo_business_unit");

    HttpResponse<String> nul = api.send("POST", "/api/clients", "{\"name\": \"Nul\\u0000byte\"}");
    assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
    assertThat(fields(nul)).containsExactly("name");
  }

  @Test
  void aClientHasAPreferredLanguageEnglishByDefault() throws Exception {
    HttpResponse<String> plain = api.send("POST", "/api/clients", "{\"name\": \"Lang %s\"}".formatted(UUID.randomUUID()));
    assertThat(plain.statusCode()).isEqualTo(201);
    assertThat(json.readTree(plain.body()).get("language").asText()).isEqualTo("en");

    String name = "Paraguayan %s".formatted(UUID.randomUUID());
    HttpResponse<String> spanish = api.send("POST", "/api/clients", "{\"name\": \"%s\", \"language\": \"es\"}".formatted(name));
    assertThat(spanish.statusCode()).isEqualTo(201);
    String location = spanish.headers().firstValue("Location").orElseThrow();
    assertThat(json.readTree(api.send("GET", location, null).body()).get("language").asText()).isEqualTo("es");

    HttpResponse<String> portuguese =
        api.send("PUT", location, "{\"name\": \"%s\", \"language\": \"pt\"}".formatted(name));
    assertThat(json.readTree(portuguese.body()).get("language").asText()).isEqualTo("pt");

    HttpResponse<String> german = api.send("PUT", location, "{\"name\": \"%s\", \"language\": \"de\"}".formatted(name));
    assertThat(german.statusCode()).isEqualTo(400);
    assertThat(fields(german)).containsExactly("language");
    assertThat(json.readTree(api.send("GET", location, null).body()).get("language").asText()).as("unchanged").isEqualTo("pt");
  }

  @Test
  void theTaxIdIsCheckedAgainstTheClientsCountry() throws Exception {
    String name = "Tax " + UUID.randomUUID();
    // Paraguay: the RUC's check digit (80012345 has check digit 0)
    HttpResponse<String> wrongDigit =
        api.send("POST", "/api/clients", "{\"name\": \"%s\", \"country\": \"PY\", \"tax_id\": \"80012345-6\"}".formatted(name));
    assertThat(wrongDigit.statusCode()).as(wrongDigit.body()).isEqualTo(400);
    assertThat(fields(wrongDigit)).containsExactly("tax_id");
    assertThat(json.readTree(wrongDigit.body()).at("/errors/0/message").asText()).contains("RUC");
    // the seed's example, whatever the country: not a tax ID at all
    for (String country : new String[] {"null", "\"CH\"", "\"US\"", "\"DE\""}) {
      HttpResponse<String> junk =
          api.send("POST", "/api/clients",
              "{\"name\": \"%s\", \"country\": %s, \"tax_id\": \"not-a-valid-id!!\"}".formatted(name, country));
      assertThat(junk.statusCode()).as(country + " " + junk.body()).isEqualTo(400);
      assertThat(fields(junk)).containsExactly("tax_id");
    }
    HttpResponse<String> noSuchCountry =
        api.send("POST", "/api/clients", "{\"name\": \"%s\", \"country\": \"XQ\"}".formatted(name));
    assertThat(fields(noSuchCountry)).containsExactly("country");
    // nothing half-created
    assertThat(json.readTree(api.send("GET", "/api/clients", null).body()).findValuesAsText("name")).doesNotContain(name);

    HttpResponse<String> brazil =
        api.send("POST", "/api/clients",
            "{\"name\": \"%s\", \"country\": \"br\", \"tax_id\": \" 11.222.333/0001-81 \"}".formatted(name));
    assertThat(brazil.statusCode()).as(brazil.body()).isEqualTo(201);
    JsonNode client = json.readTree(brazil.body());
    assertThat(client.get("country").asText()).isEqualTo("BR");
    assertThat(client.get("tax_id").asText()).isEqualTo("11.222.333/0001-81");
    long id = client.get("id").asLong();
    HttpResponse<String> badCpf =
        api.send("PUT", "/api/clients/" + id,
            "{\"name\": \"%s\", \"country\": \"BR\", \"tax_id\": \"529.982.247-24\"}".formatted(name));
    assertThat(fields(badCpf)).containsExactly("tax_id");
    assertThat(json.readTree(api.send("GET", "/api/clients/" + id, null).body()).get("tax_id").asText())
        .isEqualTo("11.222.333/0001-81");
  }

  @Test
  void aClientsOwnDunningScheduleIsSetReadAndValidated() throws Exception {
    String name = "Dunning " + UUID.randomUUID();
    HttpResponse<String> created =
        api.send("POST", "/api/clients", "{\"name\": \"%s\", \"dunning_offsets_days\": [-2, 5, 12, 20, 45]}".formatted(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode client = json.readTree(created.body());
    assertThat(client.get("dunning_offsets_days").toString()).isEqualTo("[-2,5,12,20,45]");
    long id = client.get("id").asLong();
    assertThat(json.readTree(api.send("GET", "/api/clients/" + id, null).body()).get("dunning_offsets_days").toString())
        .isEqualTo("[-2,5,12,20,45]");

    for (String offsets : new String[] {"[1, 2, 3]", "[5, 4, 10, 20, 30]", "[-1, 7, 14, 21, 400]"}) {
      HttpResponse<String> refused =
          api.send("PUT", "/api/clients/" + id, "{\"name\": \"%s\", \"dunning_offsets_days\": %s}".formatted(name, offsets));
      assertThat(refused.statusCode()).as(offsets).isEqualTo(400);
      assertThat(fields(refused)).containsExactly("dunning_offsets_days");
    }
    // PUT without it: back to the tenant's schedule
    HttpResponse<String> cleared = api.send("PUT", "/api/clients/" + id, "{\"name\": \"%s\"}".formatted(name));
    assertThat(json.readTree(cleared.body()).get("dunning_offsets_days").isNull()).isTrue();
  }

  private List<String> fields(HttpResponse<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }
}
