package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import java.time.Instant;

/**
 * The {@code status} query's answer.
 *
 * @param nextCheckAt always null here: a query answers at the time of the workflow's last task,
 *     which may be minutes old, so it cannot say when the scanner looks next; the API fills it
 *     in from the scanner's own schedule (kept for the shape of answers already recorded)
 * @param nextDunningStage the next reminder that will go out (null when none will)
 * @param asOf the workflow's time of this answer
 */
public record InvoiceStatusView(
    InvoiceState state, Instant nextCheckAt, DunningStage nextDunningStage, Instant asOf) {}
