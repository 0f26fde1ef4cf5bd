package com.deltaenergy.invoicing.app.pay;

import com.deltaenergy.invoicing.app.EmbeddedInRealTime;
import com.deltaenergy.invoicing.app.EmbeddedTestSetup;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded application on free ports, in real time (one-second scanner cycles, confirmations
 * only when a test pins them), and a headless Debian Chromium driven through chromedriver, for the
 * pay page's browser tests. Screenshots go to docs/screenshots.
 */
@EmbeddedInRealTime
@Import(TemporalCallCounter.Wiring.class)
abstract class PayPageBrowserSupport {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern PAY_LINK = Pattern.compile("https?://[^\\s\"<>]+/pay/[A-Za-z0-9_-]{22}");

  static int port;
  static Path outbox;
  static WebDriver browser;

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedTestSetup setup = EmbeddedTestSetup.onFreePorts("invoicing-paypage");
    port = setup.port();
    outbox = setup.outbox();
    setup.register(registry);
    registry.add("invoicing.public-base-url", () -> "http://localhost:" + port);
  }

  @BeforeAll
  static void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1024,1100", "--lang=en-US", "--hide-scrollbars");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  static String base() {
    return "http://localhost:" + port;
  }

  static WebDriverWait waitUpTo(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.pollingEvery(Duration.ofMillis(200));
    return wait;
  }

  /** Saves what the browser shows as docs/screenshots/{name}.png and returns the file. */
  static Path screenshot(String name) throws IOException {
    Path directory = repositoryRoot().resolve("docs/screenshots");
    Files.createDirectories(directory);
    Path file = directory.resolve(name + ".png");
    Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository");
    }
    return dir;
  }

  /** Console messages the page logged (CSP violations show up here). */
  static List<String> consoleMessages() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList();
  }

  /** The pay link in the e-mail to this recipient whose subject has the fragment, from the outbox. */
  static Optional<String> payLinkInOutbox(String recipient, String subjectFragment) throws Exception {
    if (!Files.isDirectory(outbox)) {
      return Optional.empty();
    }
    List<Path> mails;
    try (Stream<Path> files = Files.walk(outbox)) {
      mails = files.filter(p -> p.toString().endsWith(".eml")).toList();
    }
    for (Path mail : mails) {
      MimeMessage message;
      try (InputStream in = Files.newInputStream(mail)) {
        message = new MimeMessage(Session.getInstance(new Properties()), in);
      }
      if (message.getSubject() != null && message.getSubject().contains(subjectFragment)
          && message.getAllRecipients()[0].toString().equals(recipient)) {
        Matcher link = PAY_LINK.matcher(text(message));
        if (link.find()) {
          return Optional.of(link.group());
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain") && part.getFileName() == null) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i)));
      }
      return all.toString();
    }
    return "";
  }

  static JsonNode api(String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", TestApiKeys.BEARER);
    request = body == null
        ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static JsonNode sandbox(String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + "/sandbox" + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError("sandbox " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static <T> T eventually(ThrowingSupplier<Optional<T>> read, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = read.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout);
      }
      Thread.sleep(200);
    }
  }

  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
