package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

// No worker runs here: a sent draft is numbered and its workflow started (issuing it is the
// worker's); the browser test in the app module sends drafts with the whole stack.
/** The drafts pages: save as draft, edit with the API's validation, delete, send one or many. */
class ConsoleDraftsTest extends ConsoleTest {

  @Autowired JdbcClient jdbc;

  private static Map<String, String> form(String description) {
    return NewInvoiceFields.of("1", "USDT:TRC20", "1200.50", "December 2026", LocalDate.now().plusDays(20), description);
  }

  private long saveAsDraft(ConsoleHttp writer, String description) throws Exception {
    writer.get("/invoices/new");
    Map<String, String> fields = form(description);
    fields.put("draft", "true");
    HttpResponse<String> saved = writer.post("/invoices", fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    Matcher id = Pattern.compile("/invoices/drafts\\?saved=(\\d+)$").matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  @Test
  void saveAsDraftStoresADraftWithoutNumberThatIsListedEditedAndDeleted() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    assertThat(writer.get("/invoices/new").body()).contains("name=\"draft\" value=\"true\"").contains("Save as draft");
    String description = "Draft <colo> " + UUID.randomUUID().toString().substring(0, 8);
    long id = saveAsDraft(writer, description);
    assertThat(jdbc.sql("SELECT invoice_number FROM invoices WHERE id = ?").param(id).query(String.class).optional()).isEmpty();

    String list = writer.get("/invoices/drafts").body();
    assertThat(list).contains("Draft " + id).contains("1,200.50").contains("href=\"/invoices/" + id + "/preview.pdf\"")
        .contains("href=\"/invoices/drafts/" + id + "/edit\"").contains("aria-current=\"page\">Drafts</a>");

    HttpResponse<String> edit = writer.get("/invoices/drafts/" + id + "/edit");
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.body()).contains("<h1>Edit draft</h1>").contains("action=\"/invoices/drafts/" + id + "\"")
        .contains("value=\"1200.5\"").contains("Draft &lt;colo&gt;");

    // The API's validation, next to the field; nothing changes.
    Map<String, String> fields = form(description);
    fields.put("amount_usd", "12.345");
    fields.put("due_date", "2001-01-01");
    HttpResponse<String> refused = writer.post("/invoices/drafts/" + id, fields);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("The draft was not saved").contains("id=\"amount_usd-error\"")
        .contains("must have at most 12 digits and 2 decimals");
    fields.put("amount_usd", "99.99");
    HttpResponse<String> late = writer.post("/invoices/drafts/" + id, fields);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("id=\"due_date-error\"").contains("must not be before the issue date");
    assertThat(amount(id)).isEqualByComparingTo("1200.50");

    fields.put("due_date", LocalDate.now().plusDays(30).toString());
    fields.put("notes", "net 30");
    HttpResponse<String> saved = writer.post("/invoices/drafts/" + id, fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(amount(id)).isEqualByComparingTo("99.99");
    assertThat(jdbc.sql("SELECT notes FROM invoices WHERE id = ?").param(id).query(String.class).single()).isEqualTo("net 30");
    assertThat(writer.get("/invoices/drafts").body()).contains("Draft saved.");

    writer.get("/invoices/drafts");
    assertThat(writer.post("/invoices/drafts/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("SELECT count(*) FROM invoices WHERE id = ?").param(id).query(Long.class).single()).isZero();
    assertThat(writer.get("/invoices/drafts").body()).contains("Draft deleted.").doesNotContain("Draft " + id + "<");
  }

  @Test
  void sendManyReportsWhichWereSentAndWhichNot() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    long first = saveAsDraft(writer, "Send many one");
    long second = saveAsDraft(writer, "Send many two");
    long deleted = saveAsDraft(writer, "Send many gone");
    writer.get("/invoices/drafts");
    writer.post("/invoices/drafts/" + deleted + "/delete", Map.of());

    writer.get("/invoices/drafts");
    HttpResponse<String> sent = writer.postRepeated("/invoices/drafts/send",
        java.util.List.of(Map.entry("id", "" + first), Map.entry("id", "" + second), Map.entry("id", "" + deleted)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String report = writer.get("/invoices/drafts").body();
    String firstNumber = number(first);
    String secondNumber = number(second);
    assertThat(firstNumber).startsWith("DPY-");
    assertThat(secondNumber).startsWith("DPY-");
    assertThat(report).contains("<span>2</span> sent:").contains(">" + firstNumber + "</a>").contains(">" + secondNumber + "</a>")
        .contains("<span>1</span> not sent:").contains("Draft " + deleted + ": ").contains("invoice " + deleted + " was not found");
    // Sent, they are drafts no more.
    assertThat(report).doesNotContain("<td>Draft " + first + "</td>").doesNotContain("<td>Draft " + second + "</td>");
  }

  @Test
  void aReaderSeesDraftsButCannotChangeThem() throws Exception {
    ConsoleHttp writer = signedIn(ApiScope.WRITE);
    long id = saveAsDraft(writer, "Read only draft");
    ConsoleHttp reader = signedIn(ApiScope.READ);
    String list = reader.get("/invoices/drafts").body();
    assertThat(list).contains("Draft " + id).doesNotContain("Send selected").doesNotContain("/edit\"");
    assertThat(reader.get("/invoices/drafts/" + id + "/edit").statusCode()).isEqualTo(403);
    assertThat(reader.post("/invoices/drafts/" + id + "/send", Map.of()).statusCode()).isEqualTo(403);
    assertThat(reader.post("/invoices/drafts/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
    assertThat(number(id)).isNull();
  }

  private BigDecimal amount(long id) {
    return jdbc.sql("SELECT amount_usd FROM invoices WHERE id = ?").param(id).query(BigDecimal.class).single();
  }

  private String number(long id) {
    return jdbc.sql("SELECT invoice_number FROM invoices WHERE id = ?").param(id).query(String.class).optional().orElse(null);
  }
}
