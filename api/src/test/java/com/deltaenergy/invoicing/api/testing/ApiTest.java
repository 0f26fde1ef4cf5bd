package com.deltaenergy.invoicing.api.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the API over real HTTP: the application on a random port (test profile), its JSON
 * mapper, and {@link ApiHttp} to call it. A test with properties of its own adds them with
 * {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

  @LocalServerPort protected int port;
  @Autowired protected ObjectMapper json;

  protected final ApiHttp api = new ApiHttp(() -> port);
}
