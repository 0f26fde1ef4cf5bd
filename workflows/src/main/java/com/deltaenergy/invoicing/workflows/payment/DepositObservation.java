package com.deltaenergy.invoicing.workflows.payment;

import java.time.Instant;
import java.util.List;

/**
 * Everything the exchange reports for an invoice's address at one moment, as the deposit scanner
 * sends it to the invoice. Later observations supersede earlier ones.
 */
public record DepositObservation(Instant observedAt, List<ObservedDeposit> deposits) {}
