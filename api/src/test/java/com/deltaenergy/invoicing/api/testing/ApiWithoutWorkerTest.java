package com.deltaenergy.invoicing.api.testing;

import org.springframework.test.context.TestPropertySource;

/**
 * The API with no worker: no workflow ever answers, so the API's waits for one are cut to 300 ms
 * and it answers from what it stored once they are up.
 */
@TestPropertySource(
    properties = {"invoicing.api.wait.issue=300ms", "invoicing.api.wait.query=300ms", "invoicing.api.wait.update=300ms"})
public abstract class ApiWithoutWorkerTest extends ApiTest {}
