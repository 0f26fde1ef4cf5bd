package com.deltaenergy.invoicing.workflows.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The rules an invoice is judged by, fixed when it is issued (a later configuration change does
 * not move an issued invoice's goalposts).
 *
 * @param tolerancePercent accepted shortfall/excess, e.g. 0.5 (PAYMENT_TOLERANCE_PERCENT)
 * @param confirmationsRequired confirmations before a deposit counts as received
 * @param pollingInterval how often deposits are checked (POLLING_INTERVAL_SECONDS)
 * @param overdueDays unpaid this many days after the due date → overdue (INVOICE_OVERDUE_DAYS)
 * @param dunningOffsetsDays the dunning stages, in days relative to the due date (5 stages)
 * @param dunningHourOfDay local hour at which dunning reminders go out
 */
public record PaymentPolicy(
    BigDecimal tolerancePercent,
    int confirmationsRequired,
    Duration pollingInterval,
    int overdueDays,
    List<Integer> dunningOffsetsDays,
    int dunningHourOfDay) {}
