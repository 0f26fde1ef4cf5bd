package com.deltaenergy.invoicing.api.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.support.RuntimeTargetsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** The API process says at start which Temporal it uses, and that it calls no exchange itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RuntimeTargetsLogTest {

  @Autowired RuntimeTargetsLog targets;

  @Test
  void oneLineForTheExchangeAndOneForTemporal(CapturedOutput output) {
    targets.logTargets();
    assertThat(output.getOut())
        .contains("Exchange: none in this process; the workers on task queue crypto-invoices call it")
        // the time-skipping test service is in process: no address
        .contains("Temporal: in-process test service, namespace default, task queue crypto-invoices");
  }
}
