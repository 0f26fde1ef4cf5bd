package com.deltaenergy.invoicing.workflows.imports;

/**
 * The {@code progress} query's answer.
 *
 * @param state {@code importing} or {@code completed}
 * @param secondsLeft estimate from the rate so far; null before the first page is done
 */
public record ImportProgress(String state, ImportCounts counts, Long secondsLeft) {}
