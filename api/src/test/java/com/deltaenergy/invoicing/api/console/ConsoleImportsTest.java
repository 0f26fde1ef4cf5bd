package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

// No worker runs here: an import in progress stays "importing" (its workflow is started, nothing
// creates the rows); the browser test in the app module watches one reach done.
/** The imports pages: the upload (with and without script), an import's progress and row errors, results. */
class ConsoleImportsTest extends ConsoleTest {

  private static final String DUE = LocalDate.now().plusDays(30).toString();
  private static final String HEADER =
      "external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n";
  private static final Pattern CSRF_HEADER = Pattern.compile("hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;:&quot;([^&]+)&quot;\\}\"");

  @Autowired JdbcClient jdbc;

  @Test
  void anUploadByScriptStreamsTheFileAndLeadsToTheImportsPageWithItsRowErrorsAndResults() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    String page = writer.get("/invoices/imports").body();
    assertThat(page).contains("enctype=\"multipart/form-data\"").contains("hx-encoding=\"multipart/form-data\"")
        .contains("<label for=\"file\">").contains("aria-current=\"page\">Imports</a>");
    Matcher token = CSRF_HEADER.matcher(page);
    assertThat(token.find()).as(page).isTrue();

    String ref = UUID.randomUUID().toString().substring(0, 8);
    String csv = HEADER
        + ref + "-1,1,5000,USDT,TRC20,October 2026," + DUE + ",Colocation\n"
        + ref + "-2,nobody@example.com,10,USDT,TRC20,October 2026," + DUE + ",\"<b>Bad</b> client\"\n";
    long invoicesBefore = jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single();
    // As htmx sends it: the token in the header only, the options as form fields before the file.
    HttpResponse<String> uploaded = writer.send(HttpRequest.newBuilder(writer.at("/invoices/imports"))
        .header("HX-Request", "true")
        .header("X-CSRF-TOKEN", token.group(1))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of("mode", "send", "validate_only", "true"), csv))));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    String redirect = uploaded.headers().firstValue("HX-Redirect").orElseThrow();
    Matcher id = Pattern.compile("^/invoices/imports/(\\d+)$").matcher(redirect);
    assertThat(id.find()).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single()).isEqualTo(invoicesBefore);

    HttpResponse<String> imported = writer.get(redirect);
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body())
        .contains("Validated only: nothing is created.")
        .contains("<progress id=\"progress-bar\"").contains("aria-live=\"polite\"")
        .doesNotContain("hx-trigger=\"every 1s\"")
        .contains("<td class=\"num\">3</td>").contains("client: no client with the id, name or contact e-mail")
        .contains(ref + "-2").doesNotContain("<b>Bad</b>");
    HttpResponse<String> results = writer.get(redirect + "/results.csv");
    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(results.body()).contains(ref + "-1,pending").contains(ref + "-2,invalid");
    // Over: the progress fragment tells htmx to stop polling.
    assertThat(writer.get(redirect + "/progress").statusCode()).isEqualTo(286);

    assertThat(writer.get("/invoices/imports").body()).contains("href=\"" + redirect + "\"")
        .contains("href=\"" + redirect + "/results.csv\"");
  }

  @Test
  void anImportInProgressIsPolledAndAnotherTenantsIsNotFound() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    writer.get("/invoices/imports");
    String ref = UUID.randomUUID().toString().substring(0, 8);
    // Without script: the token in the body, the container parses the (small) form.
    HttpResponse<String> uploaded = writer.postFile("/invoices/imports", "file", "invoices.csv", "text/csv",
        (HEADER + ref + "-1,1,5000,USDT,TRC20,October 2026," + DUE + ",Colocation\n").getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    String location = uploaded.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/invoices/imports/\\d+$");
    String path = location.replaceFirst("^https?://[^/]+", "");
    String page = writer.get(path).body();
    assertThat(page).contains("hx-get=\"" + path + "/progress\"").contains("hx-trigger=\"every 1s\"")
        .contains("Creates and sends invoices.").contains("<span id=\"import-status\">importing</span>");
    HttpResponse<String> fragment = writer.get(path + "/progress");
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body()).contains("<progress").doesNotContain("<html");

    assertThat(writer.get("/invoices/imports/987654321").statusCode()).isEqualTo(404);
    assertThat(writer.get("/invoices/imports/987654321/results.csv").statusCode()).isEqualTo(404);
  }

  @Test
  void aRefusedFileIsReportedNextToTheFileFieldAndNothingIsStored() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    long importsBefore = jdbc.sql("SELECT count(*) FROM invoice_imports").query(Long.class).single();
    writer.get("/invoices/imports");
    HttpResponse<String> refused = writer.postFile("/invoices/imports", "file", "colours.csv", "text/csv",
        (HEADER.strip() + ",colour\n").getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"file-error\"").contains("colour").contains("aria-invalid=\"true\"");

    String page = writer.get("/invoices/imports").body();
    Matcher token = CSRF_HEADER.matcher(page);
    assertThat(token.find()).isTrue();
    HttpResponse<String> byScript = writer.send(HttpRequest.newBuilder(writer.at("/invoices/imports"))
        .header("HX-Request", "true")
        .header("X-CSRF-TOKEN", token.group(1))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of("mode", "later"), HEADER))));
    assertThat(byScript.statusCode()).isEqualTo(200);
    assertThat(byScript.headers().firstValue("HX-Redirect")).isEmpty();
    assertThat(byScript.body()).startsWith("<form").contains("must be &#39;draft&#39; or &#39;send&#39;");

    // Over 20 MB, sent chunked (no Content-Length to refuse up front): refused while it streams in.
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + HEADER).getBytes(StandardCharsets.UTF_8);
    java.io.InputStream big = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
      long left = 21L * 1024 * 1024;

      @Override
      public int read() {
        return left-- > 0 ? '\n' : -1;
      }
    });
    HttpResponse<String> tooLarge = writer.send(HttpRequest.newBuilder(writer.at("/invoices/imports"))
        .header("HX-Request", "true")
        .header("X-CSRF-TOKEN", token.group(1))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> big)));
    assertThat(tooLarge.statusCode()).isEqualTo(200);
    assertThat(tooLarge.body()).contains("id=\"file-error\"").contains("is larger than 20 MB");
    assertThat(jdbc.sql("SELECT count(*) FROM invoice_imports").query(Long.class).single()).isEqualTo(importsBefore);
  }

  @Test
  void aReaderSeesImportsButCannotUpload() throws Exception {
    ConsoleHttp reader = signedIn(ApiScope.READ);
    String page = reader.get("/invoices/imports").body();
    assertThat(page).contains("Past imports").doesNotContain("id=\"upload\"");
    HttpResponse<String> refused = reader.postFile("/invoices/imports", "file", "invoices.csv", "text/csv",
        HEADER.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  private static final String BOUNDARY = "----console-import-test";

  private static byte[] multipart(Map<String, String> fields, String csv) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(
        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
            .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoices.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
