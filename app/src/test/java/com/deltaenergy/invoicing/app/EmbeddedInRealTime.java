package com.deltaenergy.invoicing.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded application on its defined port and in real time, as the end-to-end and browser
 * tests drive it: ephemeral data, one-second scanner cycles, deposits confirmed as soon as a test
 * says so, and no sandbox state file. The ports and data directory come from the test
 * ({@link EmbeddedTestSetup}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    classes = CryptoInvoicingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "invoicing.database.embedded.ephemeral=true",
      "invoicing.payments.polling-interval=1s",
      "invoicing.sandbox.confirmation-interval=0s",
      "invoicing.sandbox.state-file=",
    })
public @interface EmbeddedInRealTime {}
