package com.deltaenergy.invoicing.workflows.exchange;

/**
 * A deposit address the exchange assigned to one invoice.
 *
 * @param exchangeNetwork the exchange's own label for the network (e.g. MEXC's "Tron(TRC20)"),
 *     which its deposit records carry
 * @param memo the memo/tag the payer must add, or null where the network uses none
 */
public record DepositAddress(String address, String memo, String exchangeNetwork) {}
