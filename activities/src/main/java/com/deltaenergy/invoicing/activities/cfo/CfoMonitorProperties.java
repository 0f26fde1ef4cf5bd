package com.deltaenergy.invoicing.activities.cfo;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the CFO sync monitor alerts operations ({@code invoicing.cfo.monitor.*}); the defaults are
 * the seed's thresholds. {@code invoicing.cfo.monitor.enabled=false} turns the monitor off, and
 * {@code invoicing.cfo.monitor.interval} sets how often it looks (default 1m).
 *
 * @param maxLag alert when the average sync lag of the last 24 hours exceeds this
 * @param maxPending alert when more paid invoices than this wait to be booked
 * @param minSuccessRatePercent alert when the 7-day success rate falls below this
 */
@ConfigurationProperties("invoicing.cfo.monitor")
public record CfoMonitorProperties(
    @DefaultValue("10m") Duration maxLag,
    @DefaultValue("5") int maxPending,
    @DefaultValue("95") BigDecimal minSuccessRatePercent) {}
