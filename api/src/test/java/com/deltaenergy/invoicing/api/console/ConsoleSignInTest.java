package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.admin.ConsoleUsersCommand;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUser;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Console sign-in: the form, CSRF, the session in PostgreSQL, lock-out, sign-out, and the CLI. */
class ConsoleSignInTest extends ConsoleTest {

  static final String PASSWORD = "correct horse battery staple";

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @AfterEach
  void forgetFailures() {
    jdbc.sql("DELETE FROM console_sign_in_failures").update();
  }

  ConsoleUser user(ApiScope role) {
    return users.create(
        Tenant.DEFAULT_TENANT_ID, "u-" + UUID.randomUUID() + "@example.com", passwords.encode(PASSWORD), role, "test");
  }

  @Test
  void pagesNeedASignInAndTheSignInPageIsLockedDown() throws Exception {
    ConsoleHttp browser = new ConsoleHttp(port);
    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

    HttpResponse<String> login = browser.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("name=\"_csrf\"").contains("Sign in");
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").contains("style-src 'self'")
            .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=");

    // assets are public and self-hosted
    assertThat(browser.get("/assets/console.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void aUserSignsInWithASessionKeptInPostgresAndSignsOut() throws Exception {
    ConsoleUser user = user(ApiScope.READ);
    ConsoleHttp browser = new ConsoleHttp(port);

    // Without the CSRF token the form is refused.
    browser.get("/login");
    assertThat(browser.postRaw("/login", Map.of("email", user.email(), "password", PASSWORD)).statusCode())
        .isEqualTo(403);

    HttpResponse<String> signedIn = browser.signIn(user.email(), PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertSignedIn(signedIn);
    String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(user.email())
        .query(Long.class).single()).isEqualTo(1);

    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains(user.email()).contains("Dashboard");
    assertThat(users.findById(user.id()).orElseThrow().lastSignInAt()).isNotNull();

    assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(302);
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(user.email())
        .query(Long.class).single()).isZero();
  }

  @Test
  void wrongPasswordsAndDisabledUsersAreRefused() throws Exception {
    ConsoleUser user = user(ApiScope.WRITE);
    ConsoleHttp browser = new ConsoleHttp(port);
    HttpResponse<String> wrong = browser.signIn(user.email(), "not the password");
    assertRefused(wrong);
    assertThat(browser.get("/login?error").body()).contains("Wrong e-mail or password.");
    assertRefused(browser.signIn("nobody@example.com", PASSWORD));

    // A user disabled while signed in is signed out at the next request.
    assertSignedIn(browser.signIn(user.email(), PASSWORD));
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    users.disable(Tenant.DEFAULT_TENANT_ID, user.id(), Instant.now());
    HttpResponse<String> after = browser.get("/");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    assertRefused(browser.signIn(user.email(), PASSWORD));
  }

  @Test
  void tenFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    ConsoleUser user = user(ApiScope.READ);
    ConsoleHttp browser = new ConsoleHttp(port);
    for (int i = 0; i < ConsoleSignIn.MAX_FAILURES; i++) {
      browser.signIn(user.email(), "guess " + i);
    }
    HttpResponse<String> locked = browser.signIn(user.email(), PASSWORD);
    assertRefused(locked);
    assertThat(browser.get("/login?error").body()).contains("Too many failed sign-ins");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void tenFailuresFromOneAddressLockItForEveryAccount() throws Exception {
    ConsoleUser user = user(ApiScope.READ);
    ConsoleHttp browser = new ConsoleHttp(port);
    for (int i = 0; i < ConsoleSignIn.MAX_FAILURES; i++) {
      browser.signIn("someone-" + i + "@example.com", "guess");
    }
    assertRefused(browser.signIn(user.email(), PASSWORD));
    jdbc.sql("DELETE FROM console_sign_in_failures").update();
    assertSignedIn(browser.signIn(user.email(), PASSWORD));
  }

  @Test
  void theRestApiKeepsItsKeysAndIgnoresConsoleSessions() throws Exception {
    ConsoleUser admin = user(ApiScope.ADMIN);
    ConsoleHttp browser = new ConsoleHttp(port);
    browser.signIn(admin.email(), PASSWORD);
    HttpClient withSession = HttpClient.newBuilder().cookieHandler(browser.cookies).build();
    HttpResponse<String> api =
        withSession.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    HttpResponse<String> keyed =
        withSession.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices"))
                .header("Authorization", TestApiKeys.BEARER).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(keyed.statusCode()).isEqualTo(200);
    assertThat(keyed.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theCommandLineCreatesListsAndDisablesUsers() throws Exception {
    Map<String, String> environment;
    try (Connection connection = dataSource.getConnection()) {
      environment =
          Map.of("DATABASE_URL", connection.getMetaData().getURL(), "DATABASE_USER",
              connection.getMetaData().getUserName(), "DATABASE_PASSWORD", "");
    }
    String email = "cli-" + UUID.randomUUID() + "@example.com";
    String[] created = command(environment, "create", "--email", email, "--role", "write");
    assertThat(created[0]).as(created[2]).isEqualTo("0");
    Matcher made = Pattern.compile("created console user (\\d+) .*\\npassword, shown only now:\\n(\\S+)").matcher(created[1]);
    assertThat(made.find()).as(created[1]).isTrue();
    ConsoleHttp browser = new ConsoleHttp(port);
    assertSignedIn(browser.signIn(email, made.group(2)));

    assertThat(command(environment, "list")[1]).contains(email + "\twrite\tactive");
    assertThat(command(environment, "create", "--email", email, "--role", "read")[0]).isEqualTo("1");
    assertThat(command(environment, "create", "--email", "x@example.com", "--role", "read", "--password", "short")[0])
        .isEqualTo("2");
    assertThat(command(environment, "disable", "--id", made.group(1))[0]).isEqualTo("0");
    assertThat(command(environment, "list")[1]).contains(email + "\twrite\tdisabled");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  private static String[] command(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ConsoleUsersCommand.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  /** A sign-in answered by going back to the form with an error. */
  private static void assertRefused(HttpResponse<String> signIn) {
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
  }

  /** A sign-in answered by going on into the console. */
  private static void assertSignedIn(HttpResponse<String> signIn) {
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }
}
