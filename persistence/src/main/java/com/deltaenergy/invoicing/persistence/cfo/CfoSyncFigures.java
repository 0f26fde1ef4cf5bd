package com.deltaenergy.invoicing.persistence.cfo;

import java.math.BigDecimal;

/**
 * The monitoring figures of the CFO sync.
 *
 * @param lagSeconds average time from payment to booking of the invoices booked in the last 24
 *     hours; null when none was
 * @param successRatePercent booked share of the syncs settled (booked or failed) among those
 *     started in the last 7 days; null when none settled. Syncs still retrying are not counted:
 *     they have neither succeeded nor failed yet.
 * @param pending paid invoices not booked yet ({@code v_crypto_invoices_pending_sync})
 * @param failed paid invoices whose sync failed and waits for an operator
 * @param syncedLast24Hours invoices booked in the last 24 hours
 */
public record CfoSyncFigures(
    BigDecimal lagSeconds,
    BigDecimal successRatePercent,
    long pending,
    long failed,
    long syncedLast24Hours) {}
