package com.deltaenergy.invoicing.api.problem;

/** One reason a request was refused: the JSON field (snake_case path) and what is wrong with it. */
public record FieldProblem(String field, String message) {}
