package com.deltaenergy.invoicing.app.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The in-process Temporal service of the embedded default. */
@ConfigurationProperties("invoicing.temporal.embedded")
public record EmbeddedTemporalProperties(@DefaultValue("7233") int port) {}
