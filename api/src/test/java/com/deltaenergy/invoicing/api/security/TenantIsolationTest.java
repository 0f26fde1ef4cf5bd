package com.deltaenergy.invoicing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiHttp;
import com.deltaenergy.invoicing.api.testing.NewTenant;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.persistence.invoice.LineItem;
import com.deltaenergy.invoicing.persistence.invoice.NewInvoice;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api endpoint, found from the running application's handler mappings, called with a key of
 * another tenant: anything of tenant A is 404 to tenant B's admin, never 403 and never its data.
 * An endpoint nobody classified here fails the test, so a new endpoint cannot skip the check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantIsolationTest {

  /** Endpoints that hold no tenant's data: the exchange's and the system's own state. */
  private static final Set<String> SYSTEM_ENDPOINTS =
      Set.of(
          "GET /api/test-mexc", "GET /api/exchange/health", "GET /api/crypto-price/{currency}", "GET /api/polling-stats");

  /**
   * A body each operator action accepts, so the request reaches the tenant check (unknown fields
   * are refused, so each action gets its own).
   */
  private static String actionBody(String pattern) {
    if (pattern.endsWith("/extend-due-date")) {
      return "{\"reason\": \"cross-tenant probe\", \"new_due_date\": \"%s\"}".formatted(LocalDate.now().plusDays(60));
    }
    if (pattern.startsWith("/api/admin/tenant/exchange-providers")) {
      return "{\"providers\": []}";
    }
    if (pattern.startsWith("/api/admin/")) {
      return "{}";
    }
    if (pattern.endsWith("/assign")) {
      return "{\"reason\": \"cross-tenant probe\", \"invoice_id\": 1}";
    }
    if (pattern.endsWith("/verify-payment")) {
      return "{\"tx_hash\": \"abc123\"}";
    }
    return "{\"reason\": \"cross-tenant probe\"}";
  }

  /** A client body the client endpoints accept, so the request reaches the tenant check. */
  private static final String CLIENT_BODY =
      """
      {"name": "Probe client of B", "cfo_entity": "B Holdings", "cfo_business_unit": "B Unit"}
      """;

  @LocalServerPort int port;
  @Autowired InvoiceRepository invoices;
  @Autowired com.deltaenergy.invoicing.persistence.imports.InvoiceImportRepository imports;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private ApiHttp api;
  private InvoiceRecord invoiceOfA;
  private String keyOfB;
  private long tenantB;
  private long keyIdOfA;
  /** A deposit of tenant A that counts for no invoice, and a stored report of A's. */
  private long unmatchedOfA;
  private static final String REPORT_DAY_OF_A = "2026-11-01";
  private long importOfA;

  @BeforeEach
  void twoTenants() throws Exception {
    api = new ApiHttp(port);
    invoiceOfA = invoiceOfDefaultTenant();
    importOfA = imports.create(1, "send", true);
    NewTenant b = NewTenant.create(api, "tenant-b", "Tenant B", 'B');
    tenantB = b.id();
    keyOfB = b.adminKey();
    assertThat(keyOfB).startsWith("inv_");
    keyIdOfA = jdbc.sql("SELECT min(id) FROM api_keys WHERE tenant_id = 1").query(Long.class).single();
    unmatchedOfA =
        jdbc.sql(
                """
                INSERT INTO exchange_deposits (tenant_id, account_id, provider, tx_hash, coin, network, address,
                    amount, confirmations, deposit_status, first_seen_at, last_seen_at)
                VALUES (1, 'mexc:probe', 'MEXC', ?, 'BTC', 'BTC', 'bc1qprobeaddressoftenanta', 0.5, 3, 'CREDITED', now(), now())
                RETURNING id
                """)
            .param("probe-" + UUID.randomUUID())
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO reconciliation_reports (tenant_id, report_date, computed_at, differences, report)
            VALUES (1, CAST(? AS date), now(), 0, CAST('{}' AS jsonb)) ON CONFLICT DO NOTHING
            """)
        .param(REPORT_DAY_OF_A)
        .update();
  }

  @Test
  void everyEndpointHidesTenantAFromTenantB() throws Exception {
    List<String> unclassified = new ArrayList<>();
    int probed = 0;
    for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          if (probe(method.name(), pattern)) {
            probed++;
          } else {
            unclassified.add(method + " " + pattern);
          }
        }
      }
    }
    assertThat(unclassified).as("endpoints with no tenant-isolation check").isEmpty();
    assertThat(probed).isGreaterThan(20);
    // B's PUT and DELETE on A's client changed nothing.
    assertThat(jdbc.sql("SELECT name FROM clients WHERE id = ?").param(invoiceOfA.clientId()).query(String.class).single())
        .isEqualTo(invoiceOfA.clientName());
  }

  /** Calls one endpoint as tenant B; false when the endpoint is not one this test knows how to judge. */
  private boolean probe(String method, String pattern) throws Exception {
    String endpoint = method + " " + pattern;
    if (SYSTEM_ENDPOINTS.contains(endpoint)) {
      return true;
    }
    String path = pattern;
    if (pattern.startsWith("/api/invoice/{id}")) {
      path = pattern.replace("{id}", String.valueOf(invoiceOfA.id()));
    } else if (pattern.startsWith("/api/clients/{id}")) {
      path = pattern.replace("{id}", String.valueOf(invoiceOfA.clientId()));
    } else if (pattern.equals("/api/admin/tenants/{id}")) {
      path = pattern.replace("{id}", "1");
    } else if (pattern.startsWith("/api/invoices/imports/{id}")) {
      path = pattern.replace("{id}", String.valueOf(importOfA));
    } else if (pattern.equals("/api/admin/api-keys/{id}")) {
      path = pattern.replace("{id}", String.valueOf(keyIdOfA));
    } else if (pattern.startsWith("/api/reconciliation/unmatched/{id}")) {
      path = pattern.replace("{id}", String.valueOf(unmatchedOfA));
    } else if (endpoint.equals("GET /api/reconciliation/report")) {
      // Tenant A's stored report of the day does not exist for tenant B.
      HttpResponse<String> report = api.send("GET", pattern + "?date=" + REPORT_DAY_OF_A, keyOfB, null);
      assertThat(report.statusCode()).as(endpoint + " → " + report.body()).isEqualTo(404);
      return true;
    } else if (pattern.contains("{")) {
      return false;
    }
    String body =
        method.equals("GET") || method.equals("DELETE") ? null : pattern.startsWith("/api/clients") ? CLIENT_BODY : actionBody(pattern);
    HttpResponse<String> response = api.send(method, path, keyOfB, body);
    if (!path.equals(pattern)) {
      assertThat(response.statusCode()).as(endpoint + " → " + response.body()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).as(endpoint).hasValue("application/problem+json");
    } else if (method.equals("GET")) {
      assertThat(response.statusCode()).as(endpoint + " → " + response.body()).isEqualTo(200);
    } else {
      return probeCreation(endpoint, response);
    }
    assertThat(response.body()).as(endpoint).doesNotContain(invoiceOfA.invoiceNumber(), invoiceOfA.clientName());
    return true;
  }

  /** Creations and own-tenant updates: tenant B can act only on itself. */
  private boolean probeCreation(String endpoint, HttpResponse<String> response) throws Exception {
    switch (endpoint) {
      case "POST /api/invoice/create" -> {
        // Tenant A's client does not exist for tenant B.
        HttpResponse<String> create =
            api.send("POST", "/api/invoice/create", keyOfB,
                """
                {"client_id": %d, "amount_usd": 100, "crypto_currency": "BTC", "billing_period": "November 2025",
                 "due_date": "%s"}
                """.formatted(invoiceOfA.clientId(), LocalDate.now().plusDays(10)));
        assertThat(create.statusCode()).as(endpoint + " → " + create.body()).isIn(400, 404, 422);
        assertThat(create.body()).doesNotContain(invoiceOfA.clientName());
        assertThat(jdbc.sql("SELECT count(*) FROM invoices WHERE tenant_id = ?").param(tenantB).query(Long.class).single())
            .isZero();
      }
      case "POST /api/invoices/imports" -> {
        // Tenant A's client, by id and by name, is no client of tenant B.
        HttpResponse<String> upload =
            api.sendBytes("POST", "/api/invoices/imports?validate_only=true", keyOfB, "text/csv",
                ("external_reference,client,amount_usd,crypto_currency,billing_period,due_date,description\n"
                    + "b-1," + invoiceOfA.clientId() + ",100,BTC,November 2025," + LocalDate.now().plusDays(10) + ",x\n"
                    + "b-2," + invoiceOfA.clientName() + ",100,BTC,November 2025," + LocalDate.now().plusDays(10) + ",x\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(endpoint + " → " + upload.body()).isEqualTo(202);
        JsonNode imported = json.readTree(upload.body());
        assertThat(imported.get("invalid").asInt()).isEqualTo(2);
        HttpResponse<String> results =
            api.send("GET", "/api/invoices/imports/" + imported.get("id").asLong() + "/results.csv", keyOfB, null);
        assertThat(results.body()).contains("b-1,invalid").contains("b-2,invalid");
      }
      case "POST /api/admin/tenants" ->
          assertThat(response.statusCode()).as(endpoint + " → " + response.body()).isEqualTo(403);
      case "POST /api/admin/api-keys" -> {
        HttpResponse<String> forA =
            api.send("POST", "/api/admin/api-keys", keyOfB, "{\"name\": \"intruder\", \"scope\": \"admin\", \"tenant_id\": 1}");
        assertThat(forA.statusCode()).as(endpoint + " → " + forA.body()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE name = 'intruder'").query(Long.class).single()).isZero();
      }
      case "PUT /api/admin/tenant" -> {
        HttpResponse<String> own = api.send("PUT", "/api/admin/tenant", keyOfB, "{\"issuer_tax_id\": \"B-TAX\"}");
        assertThat(own.statusCode()).as(endpoint + " → " + own.body()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("id").asLong()).isEqualTo(tenantB);
        assertThat(jdbc.sql("SELECT issuer_tax_id FROM tenants WHERE id = 1").query(String.class).optional())
            .isNotEqualTo(java.util.Optional.of("B-TAX"));
      }
      case "PUT /api/admin/tenant/logo" -> {
        HttpResponse<String> own = api.sendBytes("PUT", "/api/admin/tenant/logo", keyOfB, "image/png", tinyPng());
        assertThat(own.statusCode()).as(endpoint + " → " + own.body()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("id").asLong()).isEqualTo(tenantB);
        assertThat(logoOf(tenantB)).isTrue();
        assertThat(logoOf(1)).as("tenant A's logo").isFalse();
      }
      case "DELETE /api/admin/tenant/logo" -> {
        jdbc.sql("UPDATE tenants SET logo_image = ?, logo_media_type = 'image/png' WHERE id = 1").param(tinyPng()).update();
        try {
          HttpResponse<String> own = api.send("DELETE", "/api/admin/tenant/logo", keyOfB, null);
          assertThat(own.statusCode()).as(endpoint + " → " + own.body()).isEqualTo(200);
          assertThat(json.readTree(own.body()).get("id").asLong()).isEqualTo(tenantB);
          assertThat(logoOf(1)).as("tenant A's logo").isTrue();
        } finally {
          jdbc.sql("UPDATE tenants SET logo_image = NULL, logo_media_type = NULL WHERE id = 1").update();
        }
      }
      case "POST /api/reconciliation/report" -> {
        // Computing needs a worker (none here); a bad date is refused before anything is read.
        HttpResponse<String> bad = api.send("POST", "/api/reconciliation/report?date=yesterday", keyOfB, null);
        assertThat(bad.statusCode()).as(endpoint + " → " + bad.body()).isEqualTo(400);
      }
      case "PUT /api/admin/tenant/exchange-providers" -> {
        HttpResponse<String> own =
            api.send("PUT", "/api/admin/tenant/exchange-providers", keyOfB,
                "{\"providers\": [{\"provider\": \"binance\", \"api_key\": \"b-key-1234\", \"api_secret\": \"b-secret\"}]}");
        assertThat(own.statusCode()).as(endpoint + " → " + own.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_exchange_providers WHERE tenant_id = 1").query(Long.class).single())
            .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_exchange_providers WHERE tenant_id = ?").param(tenantB)
                .query(Long.class).single())
            .isEqualTo(1);
      }
      case "POST /api/clients" -> {
        HttpResponse<String> created =
            api.send("POST", "/api/clients", keyOfB, "{\"name\": \"Client of B\", \"contact_email\": \"b@example.com\"}");
        assertThat(created.statusCode()).as(endpoint + " → " + created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).toString()).doesNotContain(invoiceOfA.clientName());
        assertThat(jdbc.sql("SELECT count(*) FROM clients WHERE tenant_id = ? AND name = 'Client of B'")
                .param(tenantB).query(Long.class).single())
            .isEqualTo(1);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean logoOf(long tenant) {
    return jdbc.sql("SELECT logo_image IS NOT NULL FROM tenants WHERE id = ?").param(tenant).query(Boolean.class).single();
  }

  private static byte[] tinyPng() throws java.io.IOException {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
    return png.toByteArray();
  }

  private InvoiceRecord invoiceOfDefaultTenant() {
    BigDecimal amount = new BigDecimal("5000.00");
    return invoices.create(
        new NewInvoice(
            1L, 1L, amount, amount, null, null, new BigDecimal("0.00"), PaymentNetwork.TRC20.currency(),
            PaymentNetwork.TRC20, "October 2025", "Colocation", null, LocalDate.now(), LocalDate.now().plusDays(15),
            List.of(new LineItem("Mining", BigDecimal.ONE, amount, amount))));
  }
}
