package com.deltaenergy.invoicing.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.api.testing.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * Health follows readiness: a script that waits for {@code /actuator/health} and then calls the
 * API must not get there before start-up work that runs once the port is open (the bootstrap key).
 */
class HealthReadinessTest extends ApiTest {

  @Autowired ApplicationContext context;

  @Test
  void healthIsOutOfServiceUntilTheApplicationAcceptsTraffic() throws Exception {
    JsonNode ready = json.readTree(api.getWithoutKey("/actuator/health").body());
    assertThat(ready.at("/components/readinessState/status").asText()).isEqualTo("UP");

    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> starting = api.getWithoutKey("/actuator/health");
      assertThat(starting.statusCode()).isEqualTo(503);
      assertThat(json.readTree(starting.body()).at("/components/readinessState/status").asText())
          .isEqualTo("OUT_OF_SERVICE");
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(api.getWithoutKey("/actuator/health").statusCode()).isEqualTo(200);
  }
}
