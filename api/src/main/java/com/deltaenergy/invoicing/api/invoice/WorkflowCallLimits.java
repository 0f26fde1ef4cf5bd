package com.deltaenergy.invoicing.api.invoice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the API waits for a worker before it answers from what is stored.
 *
 * @param issue a create answers with the issued invoice when issuing takes no longer than this,
 *     otherwise 202 with the invoice as stored
 * @param query a live view is worth this wait; after it the stored projection answers
 * @param update an operator action waits this long for a worker to apply it, then 503
 */
@ConfigurationProperties("invoicing.api.wait")
public record WorkflowCallLimits(
    @DefaultValue("15s") Duration issue,
    @DefaultValue("3s") Duration query,
    @DefaultValue("20s") Duration update) {}
