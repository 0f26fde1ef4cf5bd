package com.deltaenergy.invoicing.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API on a random port with no worker: no workflow ever answers, so the API's waits for one are
 * cut to 300 ms and it answers from what it stored once they are up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"invoicing.api.wait.issue=300ms", "invoicing.api.wait.query=300ms", "invoicing.api.wait.update=300ms"})
@ActiveProfiles("test")
public @interface ApiWithoutWorkerTest {}
