package com.deltaenergy.invoicing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.admin.ApiKeysCommand;
import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys: who may call what, revocation, the CLI, and secrets that never come back out. */
class ApiKeySecurityTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void withoutAValidKeyTheApiAnswers401AndHealthStaysPublic() throws Exception {
    for (HttpResponse<String> response :
        List.of(api.get("/api/invoices", null), api.get("/api/invoices", "inv_not-a-key-we-issued"),
            api.withHeader("/api/invoices", "Authorization", "Basic dXNlcjpwYXNz"))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }
    assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(api.withHeader("/api/invoices", "X-API-Key", TestApiKeys.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void scopesLimitWhatAKeyMayDo() throws Exception {
    String read = issue("reader", "read");
    String write = issue("writer", "write");

    assertThat(api.get("/api/invoices", read).statusCode()).isEqualTo(200);
    HttpResponse<String> readWrites = api.send("POST", "/api/invoice/create", read, "{}");
    assertThat(readWrites.statusCode()).isEqualTo(403);
    assertThat(readWrites.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(readWrites.body()).get("detail").asText()).contains("write");

    // A write key reaches validation (400), not the scope check.
    assertThat(api.send("POST", "/api/invoice/create", write, "{}").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/admin/api-keys", write).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/admin/api-keys", read).statusCode()).isEqualTo(403);
  }

  @Test
  void anAdminCreatesListsAndRevokesKeysAndARevokedKeyStopsWorking() throws Exception {
    HttpResponse<String> created =
        api.send("POST", "/api/admin/api-keys", TestApiKeys.ADMIN, "{\"name\": \"ci\", \"scope\": \"read\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String plaintext = body.get("key").asText();
    long id = body.at("/api_key/id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/api-keys/" + id);
    assertThat(body.at("/api_key/scope").asText()).isEqualTo("read");
    assertThat(plaintext).startsWith(body.at("/api_key/prefix").asText());

    // Stored hashed: neither the list nor the database holds the plaintext.
    HttpResponse<String> list = api.get("/api/admin/api-keys", TestApiKeys.ADMIN);
    assertThat(list.body()).contains("\"ci\"").doesNotContain(plaintext);
    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8)));
    assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo(sha256);

    assertThat(api.get("/api/invoices", plaintext).statusCode()).isEqualTo(200);
    HttpResponse<String> revoked = api.send("DELETE", "/api/admin/api-keys/" + id, TestApiKeys.ADMIN, null);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(json.readTree(revoked.body()).get("active").asBoolean()).isFalse();
    assertThat(api.get("/api/invoices", plaintext).statusCode()).isEqualTo(401);
  }

  @Test
  void theCommandLineCreatesAndRevokesKeysInTheSameDatabase() throws Exception {
    Map<String, String> environment;
    try (Connection connection = dataSource.getConnection()) {
      environment =
          Map.of("DATABASE_URL", connection.getMetaData().getURL(), "DATABASE_USER", connection.getMetaData().getUserName(),
              "DATABASE_PASSWORD", "");
    }
    Output created = command(environment, "create", "--name", "from-cli", "--scope", "write");
    assertThat(created.exitCode()).as(created.err()).isZero();
    Matcher key = Pattern.compile("created key (\\d+) .*\\n(inv_\\S+)").matcher(created.out());
    assertThat(key.find()).as(created.out()).isTrue();
    assertThat(api.get("/api/invoices", key.group(2)).statusCode()).isEqualTo(200);

    Output listed = command(environment, "list");
    assertThat(listed.out()).contains("from-cli").doesNotContain(key.group(2));

    Output revoked = command(environment, "revoke", "--id", key.group(1));
    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
    assertThat(api.get("/api/invoices", key.group(2)).statusCode()).isEqualTo(401);

    Output wrong = command(environment, "create", "--name", "x", "--scope", "root");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("scope");
  }

  @Test
  void tenantSecretsAreEncryptedAtRestAndNeverReturned() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String mexcSecret = "mexc-secret-" + suffix;
    String smtpPassword = "smtp-password-" + suffix;
    String webhookSecret = "webhook-secret-" + suffix;
    HttpResponse<String> created =
        api.send("POST", "/api/admin/tenants", TestApiKeys.ADMIN,
            """
            {"slug": "secrets-%s", "name": "Secrets S.A.", "invoice_prefix": "S%s",
             "settings": {"mexc_api_key": "mx0key", "mexc_api_secret": "%s", "smtp_host": "smtp.example.com",
                          "smtp_password": "%s", "webhook_secret": "%s"}}
            """.formatted(suffix, suffix.replaceAll("[^0-9]", "7").substring(0, 5), mexcSecret, smtpPassword, webhookSecret));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode tenant = json.readTree(created.body()).get("tenant");
    assertThat(tenant.get("mexc_api_secret_set").asBoolean()).isTrue();
    assertThat(tenant.get("smtp_password_set").asBoolean()).isTrue();
    assertThat(tenant.get("webhook_secret_set").asBoolean()).isTrue();
    long id = tenant.get("id").asLong();

    HttpResponse<String> read = api.get("/api/admin/tenants/" + id, TestApiKeys.ADMIN);
    // A rejected update must not echo the secret it carried either.
    HttpResponse<String> rejected =
        api.send("PUT", "/api/admin/tenants/" + id, TestApiKeys.ADMIN,
            "{\"brand_color\": \"red\", \"mexc_api_secret\": \"" + mexcSecret + "\"}");
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(json.readTree(rejected.body()).at("/errors/0/field").asText()).isEqualTo("brand_color");
    for (HttpResponse<String> response : List.of(created, read, rejected)) {
      assertThat(response.body()).doesNotContain(mexcSecret, smtpPassword, webhookSecret);
    }

    Map<String, Object> stored =
        jdbc.sql("SELECT mexc_api_secret_enc, smtp_password_enc, webhook_secret_enc FROM tenants WHERE id = ?")
            .param(id).query().singleRow();
    assertThat(stored.values()).allSatisfy(value -> assertThat((String) value).startsWith("enc:v1:"));
    assertThat(stored.values().toString()).doesNotContain(mexcSecret, smtpPassword, webhookSecret);
  }

  private String issue(String name, String scope) throws Exception {
    HttpResponse<String> created =
        api.send("POST", "/api/admin/api-keys", TestApiKeys.ADMIN,
            "{\"name\": \"" + name + "\", \"scope\": \"" + scope + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("key").asText();
  }

  private record Output(int exitCode, String out, String err) {}

  private static Output command(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ApiKeysCommand.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
