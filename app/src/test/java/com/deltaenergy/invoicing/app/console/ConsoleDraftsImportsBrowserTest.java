package com.deltaenergy.invoicing.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drafts and CSV imports in the console, in a real browser (Debian's headless Chromium) against
 * the embedded application with its worker: save an invoice as a draft, edit it (a field error
 * first), send two drafts at once, upload a CSV, watch its progress reach done without a reload,
 * and download the results; axe-core on each page, screenshots into docs/screenshots.
 * Run with -Pbrowser; without Chromium it fails rather than skips.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDraftsImportsBrowserTest extends ConsoleBrowserSupport {

  private static Path data;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedTestSetup setup = EmbeddedTestSetup.onFreePorts("invoicing-console-drafts");
    data = setup.data();
    register(registry, setup);
  }

  @Test
  @Order(1)
  void saveTwoInvoicesAsDraftsFromTheNewInvoiceForm() throws Exception {
    List<String> lines = Files.readAllLines(credentials);
    signIn(lines.get(0), lines.get(1));
    saveDraft("4200", "Draft colocation " + SCRIPT);
    WebElement report = wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    assertThat(report.getText()).contains("Draft saved");
    saveDraft("310.25", "Draft hosting");
    List<WebElement> rows = browser.findElements(By.cssSelector("#drafts-form tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(js("return window.__owned === undefined")).isEqualTo(true);
    assertThat(browser.findElements(By.linkText("Preview PDF"))).hasSize(2);
    checkAccessibilityAndSnap("drafts");
  }

  @Test
  @Order(2)
  void editADraftWithAFieldErrorFirst() throws Exception {
    go("/invoices/drafts");
    // Newest first: the second is the one saved first.
    browser.findElements(By.linkText("Edit")).get(1).click();
    wait(10).until(ExpectedConditions.urlMatches("/invoices/drafts/\\d+/edit$"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Edit draft");
    // What was entered, as text: the script in the description did not run.
    assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("Draft colocation " + SCRIPT);
    assertThat(browser.findElement(By.id("amount_usd")).getAttribute("value")).isEqualTo("4200");
    assertThat(js("return window.__owned === undefined")).isEqualTo(true);
    WebElement amount = browser.findElement(By.id("amount_usd"));
    amount.clear();
    amount.sendKeys("12.345");
    browser.findElement(By.id("save-draft")).click();
    WebElement error = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("amount_usd-error")));
    assertThat(error.getText()).isEqualTo("must have at most 12 digits and 2 decimals");
    assertThat(browser.findElement(By.id("amount_usd")).getAttribute("aria-invalid")).isEqualTo("true");
    checkAccessibilityAndSnap("draft-edit");
    amount = browser.findElement(By.id("amount_usd"));
    amount.clear();
    amount.sendKeys("5100");
    browser.findElement(By.id("save-draft")).click();
    wait(10).until(ExpectedConditions.urlMatches("/invoices/drafts$"));
    assertThat(browser.findElement(By.id("report")).getText()).contains("Draft saved.");
    assertThat(browser.findElement(By.id("drafts-form")).getText()).contains("5,100.00");
  }

  @Test
  @Order(3)
  void selectBothDraftsAndSendThemAtOnce() throws Exception {
    go("/invoices/drafts");
    for (WebElement box : browser.findElements(By.cssSelector("#drafts-form input[type=checkbox][name=id]"))) {
      box.click();
    }
    browser.findElement(By.id("send-selected")).click();
    WebElement sent = wait(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
    assertThat(sent.getText()).contains("2 sent:");
    assertThat(sent.findElements(By.tagName("a"))).hasSize(2)
        .allSatisfy(link -> assertThat(link.getText()).startsWith("DPY-"));
    assertThat(browser.findElements(By.id("failures"))).isEmpty();
    assertThat(browser.findElement(By.id("drafts-form")).getText()).contains("No drafts.");
    checkAccessibilityAndSnap("drafts-sent");
  }

  @Test
  @Order(4)
  void uploadACsvWatchItsProgressReachDoneAndDownloadTheResults() throws Exception {
    String due = LocalDate.now().plusDays(30).toString();
    Path csv = data.resolve("november-invoices.csv");
    Files.writeString(csv,
        "external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n"
            + "nov-1,1,1500,USDT,TRC20,November 2026," + due + ",Colocation rack 1\n"
            + "nov-2,1,2500.50,USDT,TRC20,November 2026," + due + ",\"Colocation, rack 2\"\n"
            + "nov-3,1,99.99,BTC,,November 2026," + due + ",Remote hands\n"
            + "nov-4,nobody@example.com,10,USDT,TRC20,November 2026," + due + ",Unknown client\n",
        StandardCharsets.UTF_8);
    go("/invoices/imports");
    checkAccessibilityAndSnap("imports");
    browser.findElement(By.id("file")).sendKeys(csv.toString());
    browser.findElement(By.cssSelector("input[name=mode][value=send]")).click();
    browser.findElement(By.id("upload-button")).click();
    wait(30).until(ExpectedConditions.urlMatches("/invoices/imports/\\d+$"));
    js("window.__sameDocument = 'yes'");
    // htmx polls the progress; the page is not reloaded while the import runs.
    wait(90).ignoring(StaleElementReferenceException.class) // htmx replaces it each second
        .until(d -> d.findElement(By.id("import-status")).getText().equals("completed"));
    assertThat(js("return window.__sameDocument")).isEqualTo("yes");
    WebElement counts = browser.findElement(By.cssSelector(".import-counts"));
    assertThat(counts.getText()).contains("Total 4").contains("Valid 3").contains("Invalid 1").contains("Created 3")
        .contains("Failed 0").contains("Time left none (done)");
    assertThat(browser.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo("3");
    wait(60).ignoring(StaleElementReferenceException.class).until(d -> {
      d.navigate().refresh();
      return d.findElement(By.cssSelector(".import-counts")).getText().contains("Issued 3");
    });
    assertThat(browser.findElement(By.id("row-errors")).getText()).contains("nov-4")
        .contains("client: no client with the id, name or contact e-mail 'nobody@example.com'");
    checkAccessibilityAndSnap("import");

    // The results file as the browser downloads it (the link, with the session's cookie).
    String href = browser.findElement(By.id("results-link")).getAttribute("href");
    Object results = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-disposition') + '\\n' + t)));",
        href);
    List<String> lines = List.of(results.toString().split("\r?\n"));
    assertThat(lines.get(0)).startsWith("200 attachment;").contains("results.csv");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(2)).startsWith("2,nov-1,issued,").contains("DPY-");
    assertThat(lines.get(4)).startsWith("4,nov-3,issued,");
    assertThat(lines.get(5)).startsWith("5,nov-4,invalid,");

    go("/invoices/imports");
    assertThat(browser.findElement(By.cssSelector("tbody tr")).getText()).contains("completed").contains("send");
  }

  private static void saveDraft(String amount, String description) {
    go("/invoices/new");
    new Select(browser.findElement(By.id("client_id"))).selectByIndex(1);
    new Select(browser.findElement(By.id("pair"))).selectByValue("USDT:TRC20");
    browser.findElement(By.id("amount_usd")).sendKeys(amount);
    browser.findElement(By.id("billing_period")).sendKeys("December 2026");
    browser.findElement(By.id("description")).sendKeys(description);
    browser.findElement(By.id("save-draft")).click();
    wait(15).until(ExpectedConditions.urlContains("/invoices/drafts"));
  }
}
