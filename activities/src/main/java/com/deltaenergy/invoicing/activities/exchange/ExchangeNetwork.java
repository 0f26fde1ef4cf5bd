package com.deltaenergy.invoicing.activities.exchange;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

/**
 * How the exchange names and treats one of our networks.
 *
 * @param label the label the exchange's deposit endpoints take and return, e.g. "Tron(TRC20)"
 * @param minConfirmations the exchange's own minimum before it credits a deposit
 */
public record ExchangeNetwork(
    PaymentNetwork network, String coin, String label, String shortId, Integer minConfirmations, boolean depositEnabled) {}
