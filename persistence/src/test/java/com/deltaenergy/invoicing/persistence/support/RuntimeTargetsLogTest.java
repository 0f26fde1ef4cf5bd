package com.deltaenergy.invoicing.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two start-up lines, as the API and a worker write them. */
class RuntimeTargetsLogTest {

  @Test
  void theApiCallsNoExchangeOfItsOwn() {
    assertThat(RuntimeTargetsLog.exchangeLine("", "crypto-invoices"))
        .isEqualTo("Exchange: none in this process; the workers on task queue crypto-invoices call it");
  }

  @Test
  void aWorkerNamesTheSandboxOrMexc() {
    assertThat(RuntimeTargetsLog.exchangeLine("http://127.0.0.1:5131/sandbox/", "q"))
        .isEqualTo("Exchange: sandbox exchange at http://127.0.0.1:5131/sandbox/");
    assertThat(RuntimeTargetsLog.exchangeLine("https://api.mexc.com", "q")).isEqualTo("Exchange: MEXC at https://api.mexc.com");
  }

  @Test
  void temporalIsItsAddressOrTheInProcessTestService() {
    assertThat(RuntimeTargetsLog.temporalLine("127.0.0.1:7330", "default", "q"))
        .isEqualTo("Temporal: 127.0.0.1:7330, namespace default, task queue q");
    assertThat(RuntimeTargetsLog.temporalLine(null, "default", "q"))
        .isEqualTo("Temporal: in-process test service, namespace default, task queue q");
  }
}
