package com.deltaenergy.invoicing.app;

import com.deltaenergy.invoicing.testsupport.FreePorts;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default on free ports, with an application (and database) of each test class's own. */
// The setup is shared, so without this the classes would share one cached context.
@DirtiesContext
abstract class EmbeddedEndToEndTest extends EmbeddedHttpTest {

  private static final int PORT = FreePorts.next();
  private static final int TEMPORAL_PORT = FreePorts.next();
  private static final int SMTP_PORT = FreePorts.next();

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) throws IOException {
    register(registry, PORT, TEMPORAL_PORT, SMTP_PORT);
  }

  @BeforeAll
  static void targetOwnApplication() {
    target(PORT);
  }
}
