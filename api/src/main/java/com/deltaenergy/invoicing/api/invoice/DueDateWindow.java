package com.deltaenergy.invoicing.api.invoice;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which due dates an invoice may have, counted from its issue date. A due date is never before
 * the issue date; {@code maxAhead} keeps out dates no one means (the year 99999) that would
 * only ever produce timers far beyond any useful horizon.
 *
 * @param maxAhead the latest due date, after the issue date
 */
@ConfigurationProperties("invoicing.api.due-date")
public record DueDateWindow(@DefaultValue("P10Y") Period maxAhead) {}
