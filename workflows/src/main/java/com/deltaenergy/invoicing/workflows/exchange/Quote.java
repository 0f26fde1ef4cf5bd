package com.deltaenergy.invoicing.workflows.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The crypto amount an invoice asks for, at a rate locked when it was issued.
 *
 * @param exchangeRate USD per one coin
 * @param source where the rate came from, e.g. "MEXC BTCUSDT" or "USDT fixed 1:1"
 */
public record Quote(BigDecimal cryptoAmount, BigDecimal exchangeRate, Instant lockedAt, String source) {}
