package com.deltaenergy.invoicing.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.app.EmbeddedInRealTime;
import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The console's browser suites: the embedded application in real time and Debian's headless
 * Chromium through its chromedriver, signed in with the console's forms, with an axe-core check
 * and a screenshot (into docs/screenshots) of the pages a suite visits. A subclass chooses the
 * application's ports ({@link #register}). Without Chromium a suite fails rather than skips.
 */
@EmbeddedInRealTime
abstract class ConsoleBrowserSupport {

  static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  /** Typed into fields: it must show as text and never run. */
  static final String SCRIPT = "<script>window.__owned = 1</script>";

  static int port;
  /** The generated console credentials: the e-mail on the first line, the password on the second. */
  static Path credentials;
  static WebDriver browser;

  /** Registers the setup, and the file in its data directory that the generated credentials go to. */
  static void register(DynamicPropertyRegistry registry, EmbeddedTestSetup setup) {
    port = setup.port();
    credentials = setup.data().resolve("dev-console-credentials");
    setup.register(registry);
    registry.add("invoicing.console.development-credentials-file", credentials::toString);
  }

  @BeforeAll
  static void chromium() {
    // A missing browser is a failure of this suite, not a reason to skip it.
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the browser suite needs " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1366,768", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1366, 768));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  static void signIn(String email, String password) {
    go("/login");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
  }

  static void go(String path) {
    browser.get("http://localhost:" + port + path);
  }

  static WebDriverWait wait(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    // The pages update themselves (htmx): an element found a moment ago may have been swapped for
    // a fresh one when the condition reads it. That is a reason to look again, not a failure.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /** axe-core from its WebJar (no network): no serious or critical violations; then a screenshot. */
  static void checkAccessibilityAndSnap(String name) throws IOException {
    String axe;
    try (InputStream in = ConsoleBrowserSupport.class.getResourceAsStream(
        "/META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js")) {
      assertThat(in).as("axe-core WebJar on the test class path").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    js(axe);
    Object result = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))))"
            + ".catch(e => done('error: ' + e));");
    assertThat(result.toString()).as("axe-core on " + name).isEqualTo("[]");
    Path directory = screenshots();
    Files.createDirectories(directory);
    Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static Path screenshots() {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("mvnw")) ? here : here.getParent();
    return root.resolve("docs").resolve("screenshots");
  }
}
