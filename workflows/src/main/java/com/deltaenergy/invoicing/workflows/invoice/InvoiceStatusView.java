package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import java.time.Instant;

/**
 * The {@code status} query's answer.
 *
 * @param nextCheckAt when the deposit scanner next looks at the address (null when not watching)
 * @param nextDunningStage the next reminder that will go out (null when none will)
 * @param asOf the workflow's time of this answer
 */
public record InvoiceStatusView(
    InvoiceState state, Instant nextCheckAt, DunningStage nextDunningStage, Instant asOf) {}
