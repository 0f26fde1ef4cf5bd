package com.deltaenergy.invoicing.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.deltaenergy.invoicing.workflows.imports.InvoiceImportWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

// No worker runs here: this is the upload (parse, validate, store, start) and the results file;
// the workflow that creates the invoices is tested with a worker in the worker module.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportApiTest {

  private static final String DUE = LocalDate.now().plusDays(30).toString();
  private static final String HEADER =
      "external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired WorkflowClient workflowClient;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void validatesEveryRowAndReportsRowFieldAndReason() throws Exception {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    String csv = HEADER
        + ref + "-1,1,5000,USDT,TRC20,October 2025," + DUE + ",Colocation\n"
        + ref + "-2,Exos Capital,1200.50,BTC,,October 2025," + DUE + ",\"Hosting, power and \"\"cooling\"\"\nsecond line\"\n"
        + ref + "-3,nobody@example.com,10,USDT,SOL,October 2025,2001-01-01,Bad row\n"
        + ref + "-1,1,lots,USDT,TRC20,October 2025," + DUE + ",Repeat\n";
    long invoicesBefore = count("invoices");

    HttpResponse<String> response = upload(csv.getBytes(StandardCharsets.UTF_8), "validate_only=true");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode imported = json.readTree(response.body());
    assertThat(imported.get("status").asText()).isEqualTo("validated");
    assertThat(imported.get("total").asInt()).isEqualTo(4);
    assertThat(imported.get("valid").asInt()).isEqualTo(2);
    assertThat(imported.get("invalid").asInt()).isEqualTo(2);
    assertThat(count("invoices")).isEqualTo(invoicesBefore);

    List<String> results = results(imported.get("id").asLong());
    assertThat(results.get(0)).isEqualTo(ResultsCsv.HEADER);
    assertThat(results).hasSize(5);
    assertThat(results.get(1)).startsWith("2," + ref + "-1,pending,");
    assertThat(results.get(2)).startsWith("3," + ref + "-2,pending,");
    assertThat(results.get(3)).startsWith("4," + ref + "-3,invalid,")
        .contains("client: no client with the id, name or contact e-mail 'nobody@example.com'")
        .contains("crypto_network: USDT is not payable on 'SOL'")
        .contains("due_date: must not be before the issue date");
    assertThat(results.get(4)).startsWith("5," + ref + "-1,invalid,").contains("external_reference: repeats row 2")
        .contains("amount_usd: must be a number");
  }

  @Test
  void startsTheImportWorkflowForTheValidRows() throws Exception {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    String csv = HEADER.replace(',', ';')
        + ref + "-1;1;5000;USDT;TRC20;October 2025;" + DUE + ";Colocation\n"
        + ref + "-2;GM Data Centers;75.25;BTC;;October 2025;" + DUE + ";\"Power; cooling\"\n";
    byte[] withBom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = upload(withBom, "mode=draft");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode imported = json.readTree(response.body());
    long id = imported.get("id").asLong();
    assertThat(imported.get("status").asText()).isEqualTo("importing");
    assertThat(imported.get("mode").asText()).isEqualTo("draft");
    assertThat(imported.get("valid").asInt()).isEqualTo(2);
    assertThat(imported.get("pending").asInt()).isEqualTo(2);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/invoices/imports/" + id);

    var execution = workflowClient.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(workflowClient.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(InvoiceImportWorkflow.workflowId(id)))
            .build());
    assertThat(execution.getWorkflowExecutionInfo().getType().getName()).isEqualTo("InvoiceImportWorkflow");

    JsonNode fetched = json.readTree(get("/api/invoices/imports/" + id).body());
    assertThat(fetched.get("total").asInt()).isEqualTo(2);
    assertThat(fetched.get("status").asText()).isEqualTo("importing");
  }

  @Test
  void refusesUnknownColumnsNonUtf8AndOversizedFiles() throws Exception {
    HttpResponse<String> unknown = upload((HEADER.strip() + ",colour,size\n").getBytes(StandardCharsets.UTF_8), "");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unknown.body()).contains("colour").contains("size").contains("\"field\":\"file\"");

    HttpResponse<String> missing = upload("external_reference,client\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("missing columns").contains("crypto_currency");

    byte[] latin1 = (HEADER + "x-1,1,5000,USDT,TRC20,Octobre,2030-01-01,Colocation à Asunción\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 = upload(latin1, "");
    assertThat(notUtf8.statusCode()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("UTF-8");

    long importsBefore = count("invoice_imports");
    assertThat(overTwentyMegabytes()).startsWith("HTTP/1.1 413").contains("application/problem+json");
    assertThat(count("invoice_imports")).isEqualTo(importsBefore);

    assertThat(upload(HEADER.getBytes(StandardCharsets.UTF_8), "mode=later").statusCode()).isEqualTo(400);
  }

  @Test
  void aRowWithANulCharacterOrExtraFieldsIsRefusedNotStoredAsIs() throws Exception {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    String csv = HEADER
        + ref + "-1\u0000,1,5000,USDT,TRC20,October 2025," + DUE + ",Colo\u0000cation\n"
        + ref + "-2,1,5000,USDT,TRC20,October 2025," + DUE + ",Colocation,surplus\n";
    HttpResponse<String> response = upload(csv.getBytes(StandardCharsets.UTF_8), "validate_only=true");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    List<String> results = results(json.readTree(response.body()).get("id").asLong());
    assertThat(results.get(1)).startsWith("2," + ref + "-1,invalid,").contains("row: column description contains a NUL character");
    assertThat(results.get(2)).startsWith("3," + ref + "-2,invalid,").contains("row: has more fields than the header has columns");

    HttpResponse<String> twice = upload((HEADER.strip() + ",client\n").getBytes(StandardCharsets.UTF_8), "");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("column client appears twice");
  }

  @Test
  void theResultsFileNeutralisesFormulas() throws Exception {
    String csv = HEADER
        + "=HYPERLINK(\"http://evil\"),1,5000,USDT,TRC20,October 2025," + DUE + ",Colocation\n"
        + "@SUM(A1),1,,USDT,TRC20,October 2025," + DUE + ",Colocation\n"
        + "+1,1,5000,USDT,TRC20,October 2025," + DUE + ",Colocation\n"
        + "-1,1,5000,USDT,TRC20,October 2025," + DUE + ",Colocation\n";
    JsonNode imported = json.readTree(upload(csv.getBytes(StandardCharsets.UTF_8), "validate_only=true").body());
    List<String> results = results(imported.get("id").asLong());
    assertThat(results.get(1)).startsWith("2,\"'=HYPERLINK(\"\"http://evil\"\")\",");
    assertThat(results.get(2)).startsWith("3,'@SUM(A1),invalid,");
    assertThat(results.get(3)).startsWith("4,'+1,");
    assertThat(results.get(4)).startsWith("5,'-1,");
    assertThat(ResultsCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(ResultsCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(ResultsCsv.cell("plain")).isEqualTo("plain");
  }

  @Test
  void acceptsTheFileAsAMultipartFormPart() throws Exception {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    String csv = HEADER
        + ref + "-1,1,5000,USDT,TRC20,October 2025," + DUE + ",\"Colocation, rack 7\"\n"
        + ref + "-2,nobody@example.com,10,USDT,TRC20,October 2025," + DUE + ",Bad client\n";
    long invoicesBefore = count("invoices");

    // validate_only as a form field before the file, mode as a query parameter
    HttpResponse<String> response = multipart(
        "mode=draft", List.of(field("validate_only", "true"), file(csv.getBytes(StandardCharsets.UTF_8))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode imported = json.readTree(response.body());
    assertThat(imported.get("mode").asText()).isEqualTo("draft");
    assertThat(imported.get("validate_only").asBoolean()).isTrue();
    assertThat(imported.get("total").asInt()).isEqualTo(2);
    assertThat(imported.get("valid").asInt()).isEqualTo(1);
    assertThat(imported.get("invalid").asInt()).isEqualTo(1);
    assertThat(count("invoices")).isEqualTo(invoicesBefore);
    List<String> results = results(imported.get("id").asLong());
    assertThat(results.get(2)).startsWith("3," + ref + "-2,invalid,").contains("client: no client");
  }

  @Test
  void aMultipartUploadIsRefusedAsTheCsvBodyIs() throws Exception {
    HttpResponse<String> unknown =
        multipart("", List.of(file((HEADER.strip() + ",colour\n").getBytes(StandardCharsets.UTF_8))));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unknown.body()).contains("colour").contains("\"field\":\"file\"");

    HttpResponse<String> noFile = multipart("", List.of(field("mode", "draft")));
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(noFile.body()).contains("\"field\":\"file\"").contains("is required");

    // A part with no headers at all (found by the fuzzer: it was a 500) names no field.
    HttpResponse<String> headerless = multipart("", List.of(("--" + BOUNDARY + "\r\nTrue").getBytes(StandardCharsets.UTF_8)));
    assertThat(headerless.statusCode()).as(headerless.body()).isEqualTo(400);
    assertThat(headerless.body()).contains("\"field\":\"file\"");

    // A body cut off inside the file part: refused, and the rows read before the cut are not kept.
    long importsBeforeCut = count("invoice_imports");
    byte[] cut = file((HEADER + "cut-" + System.nanoTime() + ",1,5000,USDT,TRC20,October 2025," + DUE + ",Cut off\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> truncated = postMultipart(java.util.Arrays.copyOf(cut, cut.length - 2));
    assertThat(truncated.statusCode()).as(truncated.body()).isEqualTo(400);
    assertThat(truncated.body()).contains("\"field\":\"file\"").contains("ended unexpectedly");
    assertThat(count("invoice_imports")).isEqualTo(importsBeforeCut);

    HttpResponse<String> badMode =
        multipart("", List.of(field("mode", "later"), file(HEADER.getBytes(StandardCharsets.UTF_8))));
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(badMode.body()).contains("\"field\":\"mode\"");

    // Chunked (no Content-Length to refuse up front): counted while streamed, refused past 20 MB,
    // and the import refused with it leaves nothing behind.
    long importsBefore = count("invoice_imports");
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + HEADER).getBytes(StandardCharsets.UTF_8);
    long blankLines = 21L * 1024 * 1024;
    java.io.InputStream body = new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream(head),
        new java.io.InputStream() {
          long left = blankLines;

          @Override
          public int read() {
            return left-- > 0 ? '\n' : -1;
          }
        });
    HttpResponse<String> tooLarge = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/imports"))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(count("invoice_imports")).isEqualTo(importsBefore);
  }

  @Test
  void anotherTenantsImportIsNotFound() throws Exception {
    assertThat(get("/api/invoices/imports/987654").statusCode()).isEqualTo(404);
    assertThat(get("/api/invoices/imports/987654/results.csv").statusCode()).isEqualTo(404);
  }

  /** Announces 21 MB and sends the first 64 KB: refused before the body is read. */
  private String overTwentyMegabytes() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(("POST /api/invoices/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestApiKeys.BEARER
              + "\r\nContent-Type: text/csv\r\nContent-Length: " + (21 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(HEADER.repeat(64 * 1024 / HEADER.length()).getBytes(StandardCharsets.UTF_8));
      out.flush();
      var in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        head.append((char) c);
      }
      return head.toString();
    }
  }

  private List<String> results(long id) throws Exception {
    HttpResponse<String> response = get("/api/invoices/imports/" + id + "/results.csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    // A quoted cell may hold a line break; these tests' cells do not.
    return List.of(response.body().split("\r\n"));
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private HttpResponse<String> upload(byte[] csv, String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/imports" + (query.isEmpty() ? "" : "?" + query)))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final String BOUNDARY = "----import-test-boundary";

  private static byte[] field(String name, String value) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] file(byte[] csv) {
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoices.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] part = java.util.Arrays.copyOf(head, head.length + csv.length + 2);
    System.arraycopy(csv, 0, part, head.length, csv.length);
    part[part.length - 2] = '\r';
    part[part.length - 1] = '\n';
    return part;
  }

  private HttpResponse<String> multipart(String query, List<byte[]> parts) throws Exception {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.write(part);
    }
    body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return postMultipart(query, body.toByteArray());
  }

  private HttpResponse<String> postMultipart(byte[] body) throws Exception {
    return postMultipart("", body);
  }

  private HttpResponse<String> postMultipart(String query, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/imports" + (query.isEmpty() ? "" : "?" + query)))
            .header("Authorization", TestApiKeys.BEARER)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", TestApiKeys.BEARER).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
