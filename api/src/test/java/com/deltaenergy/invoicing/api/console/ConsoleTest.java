package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import com.deltaenergy.invoicing.persistence.tenant.Tenant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** The console on a random port, and console users made for a test, each signed in with a browser of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ConsoleTest {

  @LocalServerPort int port;
  @Autowired ConsoleUserRepository users;
  @Autowired PasswordEncoder passwords;

  /** A new user of the default tenant with the role, signed in. */
  ConsoleHttp signedIn(ApiScope role) throws Exception {
    return signedIn(Tenant.DEFAULT_TENANT_ID, role);
  }

  /** A new user of the tenant with the role, signed in. */
  ConsoleHttp signedIn(long tenantId, ApiScope role) throws Exception {
    String email = role.wireName() + "-" + UUID.randomUUID() + "@example.com";
    users.create(tenantId, email, passwords.encode(ConsoleSignInTest.PASSWORD), role, "test");
    ConsoleHttp browser = new ConsoleHttp(port);
    browser.signIn(email, ConsoleSignInTest.PASSWORD);
    return browser;
  }
}
