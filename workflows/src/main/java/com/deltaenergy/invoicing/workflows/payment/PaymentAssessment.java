package com.deltaenergy.invoicing.workflows.payment;

import java.math.BigDecimal;

/**
 * What the counted deposits add up to.
 *
 * @param confirmed value of counted deposits with enough confirmations
 * @param pending value of counted deposits still confirming
 * @param excess how much the confirmed value exceeds the amount due (zero if it does not)
 * @param remaining how much is still missing to the amount due (zero if nothing is)
 * @param paid confirmed value is at least the amount due minus the tolerance
 * @param overpaid confirmed value is above the amount due plus the tolerance
 * @param awaitingConfirmations counted deposits exist that are still confirming
 */
public record PaymentAssessment(
    BigDecimal confirmed,
    BigDecimal pending,
    BigDecimal excess,
    BigDecimal remaining,
    boolean paid,
    boolean overpaid,
    boolean awaitingConfirmations) {}
