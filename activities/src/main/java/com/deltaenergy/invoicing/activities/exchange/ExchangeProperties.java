package com.deltaenergy.invoicing.activities.exchange;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this system uses the exchange.
 *
 * @param minFetchSpacing never fetch one coin's deposit history twice within this (per process);
 *     unset, it is 80 % of the polling interval, so each poll cycle reads each coin once
 * @param historyLookback how far back a snapshot reaches (MEXC serves at most 7 days per call)
 * @param priceCacheTtl how long a ticker price is reused
 * @param usdtUsdRate USD per USDT: 1 unless configured otherwise
 * @param networkCacheTtl how long the exchange's coin/network list is reused
 * @param healthCheckInterval how often the worker checks the exchange
 */
@ConfigurationProperties("invoicing.exchange")
public record ExchangeProperties(
    Duration minFetchSpacing,
    @DefaultValue("7d") Duration historyLookback,
    @DefaultValue("10s") Duration priceCacheTtl,
    @DefaultValue("1") BigDecimal usdtUsdRate,
    @DefaultValue("1h") Duration networkCacheTtl,
    @DefaultValue("30s") Duration healthCheckInterval) {}
