package com.deltaenergy.invoicing.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiWithoutWorkerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

// No worker runs here: the API answers from what it stored once its short waits are up.
class IdempotentCreationApiTest extends ApiWithoutWorkerTest {

  private static final String DUE = LocalDate.now().plusDays(30).toString();

  @Autowired JdbcClient jdbc;

  @Test
  void sameKeyAndSameRequestGetTheSameInvoice() throws Exception {
    String key = UUID.randomUUID().toString();
    String description = "Idempotent " + key;
    HttpResponse<String> first = create(key, body(description, "5000"));
    // The same request, written differently.
    HttpResponse<String> again = create(key, body(description, "5000").replace(", ", ",\n   "));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    JsonNode created = json.readTree(first.body());
    JsonNode replayed = json.readTree(again.body());
    assertThat(replayed.get("id").asLong()).isEqualTo(created.get("id").asLong());
    assertThat(replayed.get("invoice_number").asText()).isEqualTo(created.get("invoice_number").asText());
    assertThat(fieldNames(replayed)).isEqualTo(fieldNames(created));
    assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(invoicesDescribed(description)).isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherRequestIs409() throws Exception {
    String key = UUID.randomUUID().toString();
    String description = "Idempotent " + key;
    assertThat(create(key, body(description, "5000")).statusCode()).isEqualTo(201);

    HttpResponse<String> other = create(key, body(description, "5001"));

    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(other.body()).get("detail").asText()).contains("Idempotency-Key");
    assertThat(invoicesDescribed(description)).isEqualTo(1);
  }

  @Test
  void withoutAKeyEachRequestCreatesAnInvoice() throws Exception {
    String description = "Not idempotent " + UUID.randomUUID();
    assertThat(create(null, body(description, "10")).statusCode()).isEqualTo(201);
    assertThat(create(null, body(description, "10")).statusCode()).isEqualTo(201);
    assertThat(invoicesDescribed(description)).isEqualTo(2);
  }

  @Test
  void refusesKeysTooLongOrWithSpaces() throws Exception {
    for (String key : List.of("k".repeat(256), "has space", "tab\there")) {
      String description = "Bad key " + UUID.randomUUID();
      HttpResponse<String> response = create(key, body(description, "10"));
      assertThat(response.statusCode()).as(key).isEqualTo(400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
      assertThat(invoicesDescribed(description)).isZero();
    }
    assertThat(create("k".repeat(255), body("Longest key " + UUID.randomUUID(), "10")).statusCode()).isEqualTo(201);
  }

  @Test
  void concurrentRequestsWithOneKeyCreateExactlyOneInvoice() throws Exception {
    String key = UUID.randomUUID().toString();
    String description = "Concurrent " + key;
    int parallel = 8;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        calls.add(() -> {
          start.await();
          return create(key, body(description, "700"));
        });
      }
      List<Future<HttpResponse<String>>> results = new ArrayList<>();
      for (Callable<HttpResponse<String>> call : calls) {
        results.add(pool.submit(call));
      }
      start.countDown();
      Set<Long> ids = new HashSet<>();
      int replays = 0;
      for (Future<HttpResponse<String>> result : results) {
        HttpResponse<String> response = result.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        ids.add(json.readTree(response.body()).get("id").asLong());
        replays += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
      }
      assertThat(ids).hasSize(1);
      assertThat(replays).isEqualTo(parallel - 1);
      assertThat(invoicesDescribed(description)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private long invoicesDescribed(String description) {
    return jdbc.sql("SELECT count(*) FROM invoices WHERE description = ?").param(description).query(Long.class).single();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String body(String description, String amount) {
    return """
        {"client_id": 1, "amount_usd": %s, "crypto_currency": "USDT", "crypto_network": "TRC20", "billing_period": "October 2025", "due_date": "%s", "description": "%s"}
        """
        .formatted(amount, DUE, description);
  }

  private HttpResponse<String> create(String key, String body) throws Exception {
    return api.sendIdempotent("POST", "/api/invoice/create", body, key);
  }
}
