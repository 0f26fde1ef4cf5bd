package com.deltaenergy.invoicing.workflows.exchange;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;

/** A USD price for one coin, with where and when it was read. */
public record PriceQuote(
    CryptoCurrency currency,
    PaymentNetwork network,
    BigDecimal usdPrice,
    Instant pricedAt,
    String source) {}
