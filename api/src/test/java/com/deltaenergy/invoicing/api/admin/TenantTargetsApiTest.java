package com.deltaenergy.invoicing.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.deltaenergy.invoicing.api.testing.NewTenant;
import com.deltaenergy.invoicing.persistence.outbound.HostResolver;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.deltaenergy.invoicing.testsupport.TestHostResolver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant admin cannot point its webhooks or its SMTP server at the server's own or private
 * network: refused when saved, naming the field and the reason. Names resolve through a resolver
 * this test controls; nothing is connected to.
 */
class TenantTargetsApiTest extends ApiTest {

  static final TestHostResolver RESOLVER =
      new TestHostResolver()
          .point("hooks.tenant.test", "203.0.113.10")
          .point("mail.tenant.test", "203.0.113.25")
          .point("localhost", "127.0.0.1", "::1")
          .point("intranet.tenant.test", "10.20.30.40")
          .point("metadata.tenant.test", "169.254.169.254");

  @TestConfiguration
  static class Resolver {
    @Bean
    @Primary
    HostResolver testHostResolver() {
      return RESOLVER;
    }
  }

  @Autowired JdbcClient jdbc;

  private NewTenant tenant;

  @BeforeEach
  void aTenantWithItsAdminKey() throws Exception {
    tenant = NewTenant.create(api, "targets", "Targets Tenant", 'T');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.2:5002/api/invoices|loopback",
        "http://localhost:5002/hook|loopback",
        "http://[::1]/hook|loopback",
        "http://10.0.0.5/hook|private",
        "https://192.168.1.10/hook|private",
        "http://172.16.4.4/hook|private",
        "http://intranet.tenant.test/hook|private",
        "http://169.254.169.254/latest/meta-data/|link-local",
        "http://metadata.tenant.test/latest/meta-data/|link-local",
        "http://100.64.1.1/hook|shared",
        "http://[fd00::5]/hook|private",
        "http://user@10.0.0.5:8080/hook|private",
      })
  void aWebhookOnTheServersNetworkIsRefusedAtSaveTime(String urlAndKind) throws Exception {
    String url = urlAndKind.substring(0, urlAndKind.indexOf('|'));
    String kind = urlAndKind.substring(urlAndKind.indexOf('|') + 1);

    JsonNode problem = refusedNaming(
        "webhook_urls[1]", kind,
        "{\"webhook_urls\": [\"https://hooks.tenant.test/ok\", \"" + url + "\"], \"issuer_tax_id\": \"T-9\"}");
    assertThat(problem.at("/errors/0/message").asText()).contains("resolves to");
    assertThat(problem.get("errors")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.2|loopback",
        "localhost|loopback",
        "10.1.1.1|private",
        "192.168.0.25|private",
        "intranet.tenant.test|private",
        "169.254.169.254|link-local",
        "fe80::1|link-local",
      })
  void anSmtpHostOnTheServersNetworkIsRefusedAtSaveTime(String hostAndKind) throws Exception {
    String host = hostAndKind.substring(0, hostAndKind.indexOf('|'));
    String kind = hostAndKind.substring(hostAndKind.indexOf('|') + 1);

    refusedNaming("smtp_host", kind, "{\"smtp_host\": \"" + host + "\", \"smtp_port\": 25, \"issuer_tax_id\": \"T-9\"}");
  }

  /** The tenant update is refused naming {@code field} for a target of {@code kind}, and nothing is saved. */
  private JsonNode refusedNaming(String field, String kind, String body) throws Exception {
    JsonNode problem = problem(api.send("PUT", "/api/admin/tenant", tenant.adminKey(), body));
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(problem.at("/errors/0/message").asText()).contains(kind);
    assertNothingSaved();
    return problem;
  }

  @Test
  void aNewTenantsSettingsAreCheckedToo() throws Exception {
    HttpResponse<String> response =
        api.send("POST", "/api/admin/tenants", TestApiKeys.ADMIN,
            """
            {"slug": "ssrf-new", "name": "New", "invoice_prefix": "SSRFN",
             "settings": {"webhook_urls": ["http://169.254.169.254/latest/meta-data/"]}}
            """);

    assertThat(problem(response).at("/errors/0/field").asText()).isEqualTo("webhook_urls[0]");
    assertThat(jdbc.sql("SELECT count(*) FROM tenants WHERE slug = 'ssrf-new'").query(Long.class).single()).isZero();
  }

  @Test
  void publicTargetsAndAllowListedHostsAreSaved() throws Exception {
    HttpResponse<String> response =
        api.send("PUT", "/api/admin/tenant", tenant.adminKey(),
            """
            {"smtp_host": "mail.tenant.test", "webhook_urls": ["https://hooks.tenant.test/events", "http://127.0.0.1:9/allowed"]}
            """);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode saved = json.readTree(response.body());
    assertThat(saved.get("smtp_host").asText()).isEqualTo("mail.tenant.test");
    List<String> urls = new ArrayList<>();
    saved.get("webhook_urls").forEach(u -> urls.add(u.asText()));
    // 127.0.0.1 is on the tests' allow-list (WEBHOOK_ALLOWED_PRIVATE_HOSTS), by that name.
    assertThat(urls).containsExactly("https://hooks.tenant.test/events", "http://127.0.0.1:9/allowed");
  }

  private void assertNothingSaved() {
    var row =
        jdbc.sql("SELECT issuer_tax_id, smtp_host, webhook_urls FROM tenants WHERE id = ?").param(tenant.id()).query().singleRow();
    assertThat(row.values()).containsOnlyNulls();
  }

  private JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return json.readTree(response.body());
  }
}
